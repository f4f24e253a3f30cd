/*
 * <wopihost-open-link>: "View in Office Online" / "Edit in Office Online" for one blob, from the `wopi`
 * blob enricher of the WOPI host for Nuxeo ({"appName", "view", "edit"}: our host page URLs), and while the
 * file is open in Office "Being edited in Office by ... since ..." ({"lockedBy", "lockedSince"}) with, for
 * the lock's holder or a manager, a link to the page that releases a lock a closed browser left ("release",
 * which warns before releasing). Shows
 * nothing when the enricher names no application (no WOPI client, or an extension discovery does not
 * cover). Edit is offered only to users who may write the document. Plain custom element: no framework.
 */
(function () {
  'use strict';

  // Ask Web UI for the enricher on every blob it fetches.
  var nuxeo = (window.Nuxeo = window.Nuxeo || {});
  nuxeo.UI = nuxeo.UI || {};
  nuxeo.UI.config = nuxeo.UI.config || {};
  nuxeo.UI.config.enrichers = nuxeo.UI.config.enrichers || {};
  var blobEnrichers = (nuxeo.UI.config.enrichers.blob = nuxeo.UI.config.enrichers.blob || []);
  if (blobEnrichers.indexOf('wopi') < 0) {
    blobEnrichers.push('wopi');
  }

  function canWrite(doc) {
    var permissions = doc && doc.contextParameters && doc.contextParameters.permissions;
    // Without the permissions enricher, offer it: the host page gives a view-only token when Write is missing.
    return !permissions || permissions.indexOf('Write') >= 0;
  }

  function link(label, url) {
    var a = document.createElement('a');
    a.href = url;
    a.target = '_blank';
    a.rel = 'noopener';
    a.textContent = label;
    a.style.display = 'block';
    a.style.padding = '8px 16px';
    return a;
  }

  class WopihostOpenLink extends HTMLElement {
    set blob(value) {
      this._blob = value;
      this._render();
    }

    get blob() {
      return this._blob;
    }

    set document(value) {
      this._document = value;
      this._render();
    }

    get document() {
      return this._document;
    }

    connectedCallback() {
      this._render();
    }

    _render() {
      while (this.firstChild) {
        this.removeChild(this.firstChild);
      }
      var wopi = this._blob && this._blob.wopi;
      if (!wopi || !wopi.appName) {
        this.hidden = true;
        return;
      }
      if (wopi.edit && canWrite(this._document)) {
        this.appendChild(link('Edit in Office Online (' + wopi.appName + ')', wopi.edit));
      }
      if (wopi.view) {
        this.appendChild(link('View in Office Online (' + wopi.appName + ')', wopi.view));
      }
      if (wopi.lockedBy) {
        var lock = document.createElement('div');
        lock.className = 'wopihost-lock';
        lock.style.padding = '4px 16px';
        lock.textContent = 'Being edited in Office by ' + wopi.lockedBy + ' since '
          + new Date(wopi.lockedSince).toLocaleString();
        this.appendChild(lock);
        if (wopi.release) {
          this.appendChild(link('Release the lock…', wopi.release));
        }
      }
      this.hidden = !this.firstChild;
    }
  }

  if (!customElements.get('wopihost-open-link')) {
    customElements.define('wopihost-open-link', WopihostOpenLink);
  }
})();
