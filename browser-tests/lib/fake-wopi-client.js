'use strict';
// A fake WOPI client on loopback, served by the test: its discovery points at its own pages, which
// receive the host page's form POST, call the host back (CheckFileInfo, GetFile) with the token as a
// real client does, and exchange PostMessage calls with the host page like Office for the web
// (docx: Word with view and edit actions) and like Collabora Online (xlsx: an app named by MIME type
// with an edit action only; App_LoadingStatus Frame_Ready first, then Document_Loaded).
const http = require('node:http');

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

class FakeWopiClient {
  constructor() {
    /** Every form POST a client page received: {id, flavour, action, wopiSrc, token, ttl, checkFileInfo, getFile}. */
    this.posts = [];
    this.server = http.createServer((req, res) => this.handle(req, res).catch((e) => {
      res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(e && e.stack));
    }));
  }

  async start() {
    await new Promise((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    // "localhost", not the host's 127.0.0.1: another origin than the host page's, as in real life.
    this.origin = `http://localhost:${this.server.address().port}`;
    return this;
  }

  stop() {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(resolve));
  }

  get discoveryUrl() {
    return `${this.origin}/hosting/discovery`;
  }

  discovery() {
    const o = this.origin;
    return `<?xml version="1.0" encoding="utf-8"?>
<wopi-discovery>
  <net-zone name="internal-http">
    <app name="Word" favIconUrl="${o}/word.ico" checkLicense="false">
      <action name="view" ext="docx" default="true" urlsrc="${o}/office/view?&lt;ui=UI_LLCC&amp;&gt;"/>
      <action name="edit" ext="docx" requires="locks,update" urlsrc="${o}/office/edit?&lt;ui=UI_LLCC&amp;&gt;"/>
    </app>
    <app name="${XLSX}">
      <action name="edit" ext="xlsx" urlsrc="${o}/collabora/edit?"/>
    </app>
  </net-zone>
</wopi-discovery>
`;
  }

  async handle(req, res) {
    const url = new URL(req.url, this.origin);
    if (url.pathname === '/hosting/discovery') {
      res.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8' });
      res.end(this.discovery());
      return;
    }
    const page = /^\/(office|collabora)\/(view|edit)$/.exec(url.pathname);
    if (page && req.method === 'POST') {
      const form = new URLSearchParams(await body(req));
      const wopiSrc = url.searchParams.get('WOPISrc') || url.searchParams.get('wopisrc');
      const token = form.get('access_token');
      const post = {
        id: this.posts.length,
        flavour: page[1], action: page[2], wopiSrc, token, ttl: Number(form.get('access_token_ttl')),
        checkFileInfo: await callHost(`${wopiSrc}?access_token=${encodeURIComponent(token)}`),
        getFile: await callHost(`${wopiSrc}/contents?access_token=${encodeURIComponent(token)}`, 'bytes'),
      };
      this.posts.push(post);
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(clientPage(post));
      return;
    }
    if (/^\/(sharing|versions)\//.test(url.pathname)) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(`<!DOCTYPE html><title>${url.pathname.split('/')[1]}</title><p>${url.pathname}</p>`);
      return;
    }
    res.writeHead(404);
    res.end();
  }
}

function body(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** A WOPI call back to the host, as the client's servers make it: status and JSON (or the byte count). */
async function callHost(url, kind) {
  const response = await fetch(url);
  const bytes = Buffer.from(await response.arrayBuffer());
  return {
    status: response.status,
    json: kind === 'bytes' || !response.ok ? null : JSON.parse(bytes.toString('utf8')),
    size: bytes.length,
  };
}

/** The editor's page: what it loaded, a few buttons, and its side of the PostMessage protocol. */
function clientPage(post) {
  const info = post.checkFileInfo.json || {};
  const state = {
    postId: post.id, flavour: post.flavour, action: post.action, wopiSrc: post.wopiSrc, token: post.token, ttl: post.ttl,
    hostOrigin: info.PostMessageOrigin || '', info,
  };
  const json = JSON.stringify(state).replace(/</g, '\\u003c');
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>fake ${post.flavour} ${post.action}</title>
<style>body{font-family:sans-serif;background:#eef;margin:1em}</style></head><body>
<h1 id="loaded">${post.flavour} ${post.action}: ${escape(info.BaseFileName || '?')} for ${escape(info.UserFriendlyName || '?')}</h1>
<p>CheckFileInfo ${post.checkFileInfo.status}, GetFile ${post.getFile.status} (${post.getFile.size} bytes)</p>
<button id="close">Close</button>
${info.EditModePostMessage && post.action === 'view' ? '<button id="edit">Edit in browser</button>' : ''}
${info.FileSharingPostMessage ? '<button id="share">Share</button>' : ''}
${info.FileVersionPostMessage ? '<button id="versions">Versions</button>' : ''}
<button id="rename">Rename</button>
<ol id="received"></ol>
<script>
  const wopi = window.wopi = Object.assign(${json}, { received: [] });
  function send(id, values) {
    window.parent.postMessage(JSON.stringify({ MessageId: id, SendTime: Date.now(), Values: values || {} }), wopi.hostOrigin);
  }
  window.addEventListener('message', (event) => {
    if (event.origin !== wopi.hostOrigin) {
      return;
    }
    const message = JSON.parse(event.data);
    wopi.received.push(message);
    const item = document.createElement('li');
    item.textContent = message.MessageId;
    document.getElementById('received').appendChild(item);
    if (message.MessageId === 'Host_PostmessageReady' && wopi.flavour === 'collabora') {
      send('App_LoadingStatus', { Status: 'Document_Loaded' });
    }
    if (message.MessageId === 'Action_ResetAccessToken') {
      wopi.token = message.Values.token;
      wopi.ttl = Number(message.Values.token_ttl);
    }
  });
  const click = (id, f) => { const b = document.getElementById(id); if (b) { b.onclick = f; } };
  click('close', () => send('UI_Close'));
  click('edit', () => send('UI_Edit'));
  click('share', () => send('UI_Sharing'));
  click('versions', () => send('UI_FileVersions'));
  click('rename', () => send('File_Rename', { NewName: 'Renamed in the editor' }));
  if (wopi.action === 'edit') {
    send('Edit_Notification');
  }
  send('App_LoadingStatus', wopi.flavour === 'collabora' ? { Status: 'Frame_Ready' } : { DocumentLoadedTime: Date.now() });
</script>
</body></html>
`;
}

function escape(s) {
  return String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

module.exports = { FakeWopiClient };
