// Share like a phone app (templates/_share.html). Where the browser has the Web Share API,
// Share opens the device's share sheet. Otherwise the control opens to the page's address,
// selected, with a Copy button that works over plain http too (a classroom address often is,
// and there navigator.clipboard does not exist): it falls back to selecting the field and the
// browser's copy command, and always says what happened.
"use strict";

(function () {
  function say(share, text) {
    share.querySelector("[data-share-status]").textContent = text;
  }

  function selectLink(share) {
    var link = share.querySelector("[data-share-link]");
    link.focus();
    link.setSelectionRange(0, link.value.length);
    return link;
  }

  // Copy with the browser's copy command on the selected field; true when it copied.
  function copySelected(share) {
    selectLink(share);
    try {
      return document.execCommand("copy");
    } catch (error) {
      return false;
    }
  }

  function copy(share) {
    var link = share.querySelector("[data-share-link]");
    var done = function (copied) {
      // When nothing could copy, the link stays selected for the reader's own copy.
      if (!copied) {
        selectLink(share);
      }
      say(share, copied ? "Copied" : "Select the link and copy it");
    };
    if (navigator.clipboard && navigator.clipboard.writeText && window.isSecureContext) {
      navigator.clipboard.writeText(link.value).then(function () {
        done(true);
      }, function () {
        done(copySelected(share));
      });
    } else {
      done(copySelected(share));
    }
  }

  document.addEventListener("click", function (event) {
    var target = event.target.closest ? event.target : null;
    var summary = target && target.closest("[data-share] > summary");
    var button = target && target.closest("[data-share-copy]");
    if (summary && navigator.share) {
      var share = summary.parentNode;
      if (share.open) {
        return; // the fallback is showing (the sheet failed): Share closes it
      }
      event.preventDefault();
      navigator.share({ title: document.title, url: share.querySelector("[data-share-link]").value }).catch(function (error) {
        // Dismissing the sheet is no failure; anything else shows the link to copy instead.
        if (error.name !== "AbortError") {
          share.open = true;
          say(share, "Sharing did not work here. Copy the link instead.");
        }
      });
    } else if (button) {
      copy(button.closest("[data-share]"));
    }
  });

  // Opened (no Web Share): the link is selected, ready to copy.
  document.addEventListener("toggle", function (event) {
    var share = event.target;
    if (share.matches && share.matches("[data-share]") && share.open) {
      selectLink(share);
    }
  }, true);

  document.addEventListener("htmx:load", function (event) {
    event.target.querySelectorAll("[data-share-copy][hidden]").forEach(function (button) {
      button.hidden = false;
    });
  });
})();
