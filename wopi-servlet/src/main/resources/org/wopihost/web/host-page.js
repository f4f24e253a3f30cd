/*
 * The host page's script (inlined by HostPageServlet): opens the editor's frame, talks with it by
 * PostMessage, and renews the access token before it expires.
 * Settings come from the JSON element #wopihost-page: editorOrigin, closeUrl, and when they apply
 * editUrl (a viewer page), sharingUrl, versionsUrl. CheckFileInfo advertises exactly the messages
 * handled here (ClosePostMessage, EditModePostMessage, EditNotificationPostMessage,
 * FileSharingPostMessage, FileVersionPostMessage).
 */
(function () {
  'use strict';
  var page = JSON.parse(document.getElementById('wopihost-page').textContent);
  var form = document.getElementById('office_form');
  // Made by script, never a static iframe: that would load the editor twice (Office: "file locked").
  var frame = document.createElement('iframe');
  frame.name = 'office_frame';
  frame.id = 'office_frame';
  frame.title = 'Office';
  frame.setAttribute('allowfullscreen', 'true');
  frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-forms allow-popups'
      + ' allow-top-navigation allow-popups-to-escape-sandbox allow-downloads allow-modals');
  frame.setAttribute('allow', 'clipboard-read *; clipboard-write *');
  document.getElementById('frameholder').appendChild(frame);
  document.getElementById('office_form').submit();

  // Office and Collabora both send and expect JSON text: {MessageId, SendTime, Values}.
  function post(messageId, values) {
    frame.contentWindow.postMessage(JSON.stringify({
      MessageId: messageId, SendTime: Date.now(), Values: values || {}
    }), page.editorOrigin);
  }

  function open(url) {
    window.open(url, '_blank', 'noopener');
  }

  var ready = false;
  window.addEventListener('message', function (event) {
    // Only the editor's frame, from the editor's origin, may drive this page.
    if (event.origin !== page.editorOrigin || event.source !== frame.contentWindow) {
      return;
    }
    var message;
    try {
      message = typeof event.data === 'string' ? JSON.parse(event.data) : event.data;
    } catch (e) {
      return;
    }
    if (!message || typeof message.MessageId !== 'string') {
      return;
    }
    var values = message.Values || {};
    switch (message.MessageId) {
      case 'App_LoadingStatus':
        // Office sends it once loaded; Collabora first with Status Frame_Ready, and ignores every
        // host message until it gets this answer.
        if (!ready) {
          ready = true;
          post('Host_PostmessageReady');
        }
        break;
      case 'UI_Close':
        window.location.assign(page.closeUrl);
        break;
      case 'UI_Edit':
        if (page.editUrl) {
          window.location.assign(page.editUrl);
        }
        break;
      case 'UI_Sharing':
        if (page.sharingUrl) {
          open(page.sharingUrl);
        }
        break;
      case 'UI_FileVersions':
        if (page.versionsUrl) {
          open(page.versionsUrl);
        }
        break;
      case 'File_Rename':
        if (typeof values.NewName === 'string' && values.NewName) {
          document.title = values.NewName;
        }
        break;
      case 'Edit_Notification':
        // The user edits (sent at the first edit, then at most every five minutes while editing).
        document.documentElement.setAttribute('data-last-edit', String(message.SendTime || Date.now()));
        break;
      default:
        break;
    }
  });

  // A fresh token before this one expires: handed to the editor without a reload (Collabora's
  // Action_ResetAccessToken), and kept in the form, so that reposting it (Office's own reload when its
  // token runs out) opens the editor again on the same session.
  var MARGIN = 5 * 60 * 1000;
  var RETRY = 60 * 1000;
  function renewIn(expiresAt) {
    var left = expiresAt - Date.now();
    // Five minutes before expiry; halfway for a token that lives less than ten (setTimeout's longest
    // delay is about 24 days).
    setTimeout(renew, Math.min(Math.max(0, left - MARGIN, left / 2), 2147483647));
  }
  function renew() {
    fetch(window.location.href, { method: 'POST', credentials: 'same-origin', headers: { 'X-WOPI-Host-Page': 'token' } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.json();
      })
      .then(function (fresh) {
        form.elements.access_token.value = fresh.access_token;
        form.elements.access_token_ttl.value = String(fresh.access_token_ttl);
        post('Action_ResetAccessToken', { token: fresh.access_token, token_ttl: String(fresh.access_token_ttl) });
        renewIn(fresh.access_token_ttl);
      })
      .catch(function () {
        setTimeout(renew, RETRY);
      });
  }
  renewIn(Number(form.elements.access_token_ttl.value));
})();
