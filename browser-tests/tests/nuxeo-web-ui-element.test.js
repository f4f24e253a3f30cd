'use strict';
// The Nuxeo Web UI element <wopihost-open-link> (nuxeo-wopi-web) in headless Chromium, fed with the
// documents the Nuxeo runtime tests rendered through Nuxeo's own JSON marshalling with the `wopi` blob
// enricher (nuxeo-wopi-runtime-tests/target/enricher-json/, written by EnricherTest): never a
// hand-written fixture that could drift from what the enricher says.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { ROOT } = require('../lib/standalone');
const { launch, screenshot } = require('../lib/browser');

const ELEMENT = path.join(ROOT, 'nuxeo-wopi-web/src/main/resources/web/nuxeo.war/ui/wopihost/wopihost-open-link.js');
const JSON_DIR = path.join(ROOT, 'nuxeo-wopi-runtime-tests/target/enricher-json');

let browser;

function rendered(name) {
  const file = path.join(JSON_DIR, name);
  if (!fs.existsSync(file)) {
    throw new Error(`${file} is missing: run the Nuxeo runtime tests first (mvn -B verify)`);
  }
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** Every blob of a rendered document: the main file and the attachments. */
function blobs(doc) {
  const p = doc.properties;
  return [p['file:content'], ...(p['files:files'] || []).map((f) => f.file)].filter(Boolean);
}

before(async () => {
  browser = await launch();
  await browser.page.setContent('<!DOCTYPE html><html><head><title>wopihost-open-link</title></head>'
    + '<body style="font-family:sans-serif"><div id="slots"></div></body></html>');
  await browser.page.addScriptTag({ path: ELEMENT });
});

after(async () => {
  await browser?.close();
});

/** Puts one element per blob of `doc` on the page (as Web UI's BLOB_ACTIONS slot does) and reads what each shows. */
async function show(doc, label) {
  return browser.page.evaluate(({ doc, label }) => {
    const slots = document.getElementById('slots');
    slots.textContent = '';
    const heading = document.createElement('h3');
    heading.textContent = label;
    slots.appendChild(heading);
    const p = doc.properties;
    const all = [p['file:content'], ...(p['files:files'] || []).map((f) => f.file)].filter(Boolean);
    return all.map((blob) => {
      const line = document.createElement('div');
      line.textContent = blob.name;
      const element = document.createElement('wopihost-open-link');
      element.document = doc;
      element.blob = blob;
      line.appendChild(element);
      slots.appendChild(line);
      return {
        name: blob.name,
        hidden: element.hidden,
        lock: element.querySelector('.wopihost-lock')?.textContent || '',
        links: Array.from(element.querySelectorAll('a')).map((a) => ({ text: a.textContent, href: a.href })),
      };
    });
  }, { doc, label });
}

function expectLinks(doc, shown) {
  const byName = new Map(blobs(doc).map((b) => [b.name, b.wopi]));
  for (const s of shown) {
    const wopi = byName.get(s.name);
    const expected = [];
    if (wopi?.edit) {
      expected.push({ text: `Edit in Office Online (${wopi.appName})`, href: wopi.edit });
    }
    if (wopi?.view) {
      expected.push({ text: `View in Office Online (${wopi.appName})`, href: wopi.view });
    }
    if (wopi?.release) {
      expected.push({ text: 'Release the lock…', href: wopi.release });
    }
    assert.deepEqual(s.links, expected, s.name);
    assert.equal(s.hidden, expected.length === 0, `${s.name} hidden when it offers nothing`);
  }
}

test('the element asks Web UI for the wopi blob enricher', async () => {
  assert.deepEqual(await browser.page.evaluate(() => window.Nuxeo.UI.config.enrichers.blob), ['wopi']);
});

test('a writer sees Edit and View on each file an application opens, nothing on the others', async () => {
  const doc = rendered('writer.json');
  const shown = await show(doc, 'writer');
  expectLinks(doc, shown);
  assert.deepEqual(shown.map((s) => `${s.name}:${s.links.length}`),
    ['Report.docx:2', 'Budget.xlsx:2', 'notes.txt:0', 'Slides.pptx:2']);
  await screenshot(browser.page, 'writer');
});

test('a reader sees View only', async () => {
  const doc = rendered('reader.json');
  const shown = await show(doc, 'reader');
  expectLinks(doc, shown);
  assert.ok(shown.every((s) => s.links.every((l) => l.text.startsWith('View'))));
  assert.ok(shown.some((s) => s.links.length === 1));
  await screenshot(browser.page, 'reader');
});

test('a document locked in Nuxeo by someone else offers its writer View only', async () => {
  const doc = rendered('locked.json');
  const shown = await show(doc, 'writer, locked by another user');
  expectLinks(doc, shown);
  assert.deepEqual(shown[0].links.map((l) => l.text), ['View in Office Online (Word)']);
  await screenshot(browser.page, 'locked');
});

test('an empty file gets Edit (new-document flow); a legacy file the writer may not convert gets View only', async () => {
  for (const user of ['writer', 'reader']) {
    const doc = rendered(`cases-${user}.json`);
    const shown = await show(doc, `${user}: empty, legacy, docx, txt`);
    expectLinks(doc, shown);
    await screenshot(browser.page, `cases-${user}`);
  }
  const writer = await show(rendered('cases-writer.json'), 'writer');
  assert.deepEqual(writer.map((s) => `${s.name}:${s.links.map((l) => l.text.split(' ')[0]).join('+')}`),
    ['Empty.docx:Edit+View', 'Legacy.doc:View', 'Report.docx:Edit+View', 'notes.txt:']);
});

test('files no application opens show nothing', async () => {
  const shown = await show(rendered('no-app.json'), 'no application');
  assert.ok(shown.length > 0);
  assert.ok(shown.every((s) => s.hidden && s.links.length === 0));
});

test('without Write in the permissions Web UI fetched, Edit is hidden even where the enricher offers it', async () => {
  const doc = rendered('writer.json');
  doc.contextParameters = { ...(doc.contextParameters || {}), permissions: ['Read'] };
  const shown = await show(doc, 'writer.json with permissions [Read]');
  assert.ok(shown.every((s) => s.links.every((l) => l.text.startsWith('View'))));
  assert.ok(shown.some((s) => s.links.length === 1));
});

test('a file open in Office says by whom since when; its holder gets the release page, a reader does not', async () => {
  const holder = rendered('wopi-locked-writer.json');
  const shown = await show(holder, 'WOPI-locked, seen by its holder');
  expectLinks(holder, shown);
  assert.match(shown[0].lock, /^Being edited in Office by writer since /);
  assert.deepEqual(shown[0].links.map((l) => l.text),
    ['Edit in Office Online (Word)', 'View in Office Online (Word)', 'Release the lock…']);
  await screenshot(browser.page, 'wopi-locked-holder');
  const reader = rendered('wopi-locked-reader.json');
  const seen = await show(reader, 'WOPI-locked, seen by a reader');
  expectLinks(reader, seen);
  assert.match(seen[0].lock, /^Being edited in Office by writer since /);
  assert.deepEqual(seen[0].links.map((l) => l.text), ['View in Office Online (Word)']);
  await screenshot(browser.page, 'wopi-locked-reader');
});
