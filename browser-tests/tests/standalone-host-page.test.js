'use strict';
// The standalone host's document list and host pages in headless Chromium, against the fake WOPI
// client: alice edits and views, bob only views; PostMessage both ways; the token renewed in place.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { FakeWopiClient } = require('../lib/fake-wopi-client');
const { startStandalone } = require('../lib/standalone');
const { launch, screenshot } = require('../lib/browser');

let client;
let host;

before(async () => {
  client = await new FakeWopiClient().start();
  host = await startStandalone({
    'nuxeo.wopi.discoveryURL': client.discoveryUrl,
    'nuxeo.wopi.fileSharingURL': `${client.origin}/sharing/{docId}`,
    'nuxeo.wopi.fileVersionsURL': `${client.origin}/versions/{docId}`,
  });
});

after(async () => {
  await host?.stop();
  await client?.stop();
});

function as(user) {
  return launch({ username: user, password: host.passwords[user] });
}

/** The row of the list that shows `fileName`. */
function row(page, fileName) {
  return page.locator('tr', { hasText: fileName });
}

/** The editor's frame once its page has loaded, and the form POST that page answered. */
async function editorOf(page, expected) {
  await page.waitForSelector('#office_frame');
  const frame = page.frameLocator('#office_frame');
  await frame.locator('#loaded').waitFor();
  const handle = page.frame({ name: 'office_frame' });
  const post = client.posts[await handle.evaluate(() => window.wopi.postId)];
  assert.equal(`${post.flavour}/${post.action}`, expected);
  return { frame, post, handle };
}

/** Waits until the editor's page received `messageId` from the host page. */
async function received(editor, messageId) {
  await editor.handle.waitForFunction((id) => window.wopi.received.some((m) => m.MessageId === id), messageId);
}

async function wopi(url) {
  const response = await fetch(url);
  return { status: response.status, json: response.ok && /json/.test(response.headers.get('content-type') || '') ? await response.json() : null };
}

test('the start banner and the list say the WOPI client loaded, with how many applications', async () => {
  assert.match(host.banner, /WOPI client: discovery loaded from http:\/\/localhost:\d+\/hosting\/discovery, 2 applications/);
  const alice = await as('alice');
  try {
    await alice.page.goto(host.url);
    assert.match(await alice.page.locator('#wopi-client').innerText(), /discovery loaded .* 2 applications \(Word, /);
    assert.match(await row(alice.page, 'Product Roadmap.pptx').innerText(), /no application opens this file/);
    await screenshot(alice.page, 'alice-list');
  } finally {
    await alice.close();
  }
});

test('alice edits: form POST, a token for that file only, PostMessage both ways, UI_Close back to the list', async () => {
  const alice = await as('alice');
  const { page } = alice;
  try {
    await page.goto(host.url);
    await row(page, 'Quarterly Report.docx').locator('a.edit').click();
    const editor = await editorOf(page, 'office/edit');
    await screenshot(page, 'alice-editor');

    // The client received the form POST and its token works for CheckFileInfo and GetFile of that file.
    const { post } = editor;
    assert.equal(post.checkFileInfo.status, 200);
    assert.equal(post.checkFileInfo.json.UserId, 'alice');
    assert.equal(post.checkFileInfo.json.UserCanWrite, true);
    assert.equal(post.checkFileInfo.json.BaseFileName, 'Quarterly Report.docx');
    assert.equal(post.getFile.status, 200);
    assert.ok(post.getFile.size > 0);
    assert.ok(post.ttl > Date.now(), 'access_token_ttl is an expiry in epoch milliseconds');
    // ...and for no other file.
    const otherSrc = new URL(post.wopiSrc);
    const budget = await fetch(host.url, { headers: { Authorization: basic('alice') } }).then((r) => r.text());
    const budgetId = /<tr id="([^"]+)"><td>Budget 2027/.exec(budget)[1];
    const other = `${otherSrc.origin}${otherSrc.pathname.replace(/[^/]+$/, budgetId)}`;
    assert.equal((await wopi(`${other}?access_token=${post.token}`)).status, 401);
    assert.equal((await wopi(`${other}/contents?access_token=${post.token}`)).status, 401);

    // CheckFileInfo advertises exactly the messages the page handles.
    const info = post.checkFileInfo.json;
    for (const flag of ['ClosePostMessage', 'EditModePostMessage', 'EditNotificationPostMessage',
      'FileSharingPostMessage', 'FileVersionPostMessage']) {
      assert.equal(info[flag], true, flag);
    }
    assert.equal(info.PostMessageOrigin, new URL(host.url).origin);

    // App_LoadingStatus is answered with Host_PostmessageReady.
    await received(editor, 'Host_PostmessageReady');
    // Edit_Notification is recorded.
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-last-edit'));

    // Messages from anywhere but the editor's frame are ignored: a UI_Close the page posts to itself
    // does not close it; the File_Rename the editor sends next is obeyed.
    const editUrl = page.url();
    await page.evaluate(() => window.postMessage(JSON.stringify({ MessageId: 'UI_Close', Values: {} }), '*'));
    await editor.frame.locator('#rename').click();
    await page.waitForFunction(() => document.title === 'Renamed in the editor');
    assert.equal(page.url(), editUrl);

    // UI_Sharing and UI_FileVersions open the configured pages.
    const [sharing] = await Promise.all([page.context().waitForEvent('page'), editor.frame.locator('#share').click()]);
    await sharing.waitForLoadState();
    assert.match(sharing.url(), /\/sharing\//);
    await sharing.close();
    const [versions] = await Promise.all([page.context().waitForEvent('page'), editor.frame.locator('#versions').click()]);
    await versions.waitForLoadState();
    assert.match(versions.url(), /\/versions\//);
    await versions.close();

    // UI_Close returns to the list.
    await Promise.all([page.waitForURL(host.url), editor.frame.locator('#close').click()]);
    await page.locator('#wopi-client').waitFor();
    await screenshot(page, 'alice-closed-back-to-list');
  } finally {
    await alice.close();
  }
});

test('alice views, then UI_Edit from the viewer opens the editor', async () => {
  const alice = await as('alice');
  const { page } = alice;
  try {
    await page.goto(host.url);
    await row(page, 'Quarterly Report.docx').locator('a.view').click();
    const viewer = await editorOf(page, 'office/view');
    assert.equal(viewer.post.checkFileInfo.json.UserCanWrite, false, 'the viewer gets a view token');
    assert.equal(viewer.post.checkFileInfo.json.EditModePostMessage, true);
    await received(viewer, 'Host_PostmessageReady');
    await screenshot(page, 'alice-viewer');
    await Promise.all([page.waitForURL(/\/wopi\/edit\//), viewer.frame.locator('#edit').click()]);
    const editor = await editorOf(page, 'office/edit');
    assert.equal(editor.post.checkFileInfo.json.UserCanWrite, true);
    await screenshot(page, 'alice-viewer-to-editor');
  } finally {
    await alice.close();
  }
});

test('a Collabora-like editor gets Host_PostmessageReady after Frame_Ready, and a fresh token before expiry without a reload', async () => {
  const alice = await as('alice');
  const { page } = alice;
  try {
    // The page's timers run on a clock the test moves: no waiting for hours.
    await page.clock.install();
    await page.goto(host.url);
    await row(page, 'Budget 2027.xlsx').locator('a.edit').click();
    const editor = await editorOf(page, 'collabora/edit');
    await received(editor, 'Host_PostmessageReady');
    const first = editor.post;
    const pageUrl = page.url();
    const postsBefore = client.posts.length;

    // Five minutes before expiry the page asks its own URL for a fresh token and hands it to the editor.
    const renewal = page.waitForResponse((r) => r.url() === pageUrl && r.request().method() === 'POST');
    await page.clock.fastForward(first.ttl - Date.now() - 5 * 60 * 1000 + 1000);
    const issued = await (await renewal).json();
    await received(editor, 'Action_ResetAccessToken');
    const fresh = await editor.handle.evaluate(() => ({ token: window.wopi.token, ttl: window.wopi.ttl }));
    assert.equal(fresh.token, issued.access_token);
    assert.equal(fresh.ttl, issued.access_token_ttl);
    assert.ok(fresh.ttl >= first.ttl);
    assert.equal(page.url(), pageUrl, 'no reload');
    assert.equal(client.posts.length, postsBefore, 'no new form POST');
    const info = await wopi(`${first.wopiSrc}?access_token=${fresh.token}`);
    assert.equal(info.status, 200);
    assert.equal(info.json.UserId, 'alice');
    assert.equal(info.json.UserCanWrite, true);
    assert.equal((await fetch(`${first.wopiSrc}/contents?access_token=${fresh.token}`)).status, 200);
    // The form holds the fresh token too, for a repost.
    assert.equal(await page.locator('input[name=access_token]').inputValue(), fresh.token);
    await screenshot(page, 'alice-collabora-token-renewed');
  } finally {
    await alice.close();
  }
});

test('bob only views: no Edit in the list, the edit page opens the viewer, no Edit in the viewer', async () => {
  const bob = await as('bob');
  const { page } = bob;
  try {
    await page.goto(host.url);
    assert.equal(await page.locator('a.edit').count(), 0);
    assert.ok(await page.locator('a.view').count() > 0);
    await screenshot(page, 'bob-list');
    await row(page, 'Quarterly Report.docx').locator('a.view').click();
    const viewer = await editorOf(page, 'office/view');
    assert.equal(viewer.post.checkFileInfo.json.UserId, 'bob');
    assert.equal(viewer.post.checkFileInfo.json.UserCanWrite, false);
    assert.equal(viewer.post.checkFileInfo.json.EditModePostMessage, false);
    assert.equal(await viewer.frame.locator('#edit').count(), 0);
    await screenshot(page, 'bob-viewer');
    // Asking for the edit page anyway gives the viewer and a view token.
    await page.goto(page.url().replace('/wopi/view/', '/wopi/edit/'));
    const again = await editorOf(page, 'office/view');
    assert.equal(again.post.checkFileInfo.json.UserCanWrite, false);
    // Collabora's xlsx has no viewer: bob gets its editor, read-only.
    await page.goto(host.url);
    await row(page, 'Budget 2027.xlsx').locator('a.view').click();
    const readOnly = await editorOf(page, 'collabora/edit');
    assert.equal(readOnly.post.checkFileInfo.json.UserCanWrite, false);
  } finally {
    await bob.close();
  }
});

test('a lock a closed browser left: the list says who edits since when; bob may not release it, alice may, after a warning', async () => {
  const alice = await as('alice');
  let wopiSrc;
  let token;
  try {
    await alice.page.goto(host.url);
    await row(alice.page, 'Product Roadmap.pptx').waitFor();
    await row(alice.page, 'Quarterly Report.docx').locator('a.edit').click();
    const editor = await editorOf(alice.page, 'office/edit');
    ({ wopiSrc, token } = editor.post);
    const lock = await fetch(`${wopiSrc}?access_token=${token}`, {
      method: 'POST', headers: { 'X-WOPI-Override': 'LOCK', 'X-WOPI-Lock': 'left-behind' },
    });
    assert.equal(lock.status, 200);
  } finally {
    await alice.close(); // the tab goes without an Unlock
  }

  const bob = await as('bob');
  try {
    await bob.page.goto(host.url);
    const line = row(bob.page, 'Quarterly Report.docx').locator('td.lock');
    assert.match(await line.innerText(), /being edited in Office by Alice Martin since \d{4}-\d\d-\d\dT/);
    await line.locator('a.release').click();
    assert.match(await bob.page.locator('#holder').innerText(), /Being edited in Office by Alice Martin since/);
    assert.equal(await bob.page.locator('#release').count(), 0, 'bob neither holds the lock nor manages the file');
    await screenshot(bob.page, 'bob-may-not-release');
  } finally {
    await bob.close();
  }

  const again = await as('alice');
  try {
    await again.page.goto(host.url);
    await row(again.page, 'Quarterly Report.docx').locator('a.release').click();
    assert.match(await again.page.locator('body').innerText(), /Release the lock only if nobody is editing any more/);
    await screenshot(again.page, 'alice-release-warning');
    await Promise.all([again.page.waitForURL(host.url), again.page.locator('#release').click()]);
    assert.equal(await row(again.page, 'Quarterly Report.docx').locator('td.lock').innerText(), '');
    await screenshot(again.page, 'alice-released');
    // The lock is gone: another session may lock the file.
    const relock = await fetch(`${wopiSrc}?access_token=${token}`, {
      method: 'POST', headers: { 'X-WOPI-Override': 'LOCK', 'X-WOPI-Lock': 'a-new-session' },
    });
    assert.equal(relock.status, 200);
    await fetch(`${wopiSrc}?access_token=${token}`, {
      method: 'POST', headers: { 'X-WOPI-Override': 'UNLOCK', 'X-WOPI-Lock': 'a-new-session' },
    });
  } finally {
    await again.close();
  }
});

test('with an unreachable WOPI client the banner and the list say why, and offer no broken link', async () => {
  const down = await startStandalone({ 'nuxeo.wopi.discoveryURL': 'http://127.0.0.1:9/hosting/discovery' });
  const alice = await launch({ username: 'alice', password: down.passwords.alice });
  try {
    assert.match(down.banner, /WOPI client unavailable: no discovery from http:\/\/127\.0\.0\.1:9\/hosting\/discovery \(.+\)/);
    await alice.page.goto(down.url);
    assert.match(await alice.page.locator('#wopi-client').innerText(), /WOPI client unavailable/);
    assert.equal(await alice.page.locator('a.view, a.edit').count(), 0);
    await screenshot(alice.page, 'client-unavailable-list');
    // A host page bookmarked earlier says why it opens nothing.
    const fileId = await row(alice.page, 'Quarterly Report.docx').getAttribute('id');
    const response = await alice.page.goto(`${down.url}wopi/edit/${fileId}`);
    assert.equal(response.status(), 503);
    assert.match(await alice.page.locator('h1').innerText(), /The online editor cannot be reached/);
    await screenshot(alice.page, 'client-unavailable-host-page');
  } finally {
    await alice.close();
    await down.stop();
  }
});

function basic(user) {
  return `Basic ${Buffer.from(`${user}:${host.passwords[user]}`).toString('base64')}`;
}
