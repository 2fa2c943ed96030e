// Stride Anatomy: the plan being built while browsing. It is kept in this tab only
// (sessionStorage), in the same short form as a plan link after "#" (version.title.18b.19a),
// and never put in an atlas address or sent to the server. "Add to plan" buttons and the
// header's "Plan (n)" need this script, so the buttons start hidden.
"use strict";

var StridePlan = (function () {
  var KEY = "stride-anatomy-plan";
  var VERSION = "1";
  var ITEM = /^(\d{1,3})([a-z])$/;

  // The plan in a link's form, read leniently: the plan page checks every part against the
  // content; here only the shape matters (what is in the tab was written by this script).
  function parse(code) {
    var parts = (code || "").split(".");
    var plan = { title: 0, items: [] };
    if (parts[0] !== VERSION) {
      return plan;
    }
    plan.title = /^\d{1,2}$/.test(parts[1] || "") ? Number(parts[1]) : 0;
    parts.slice(2).forEach(function (part) {
      var match = ITEM.exec(part);
      if (match) {
        plan.items.push({ id: match[1], dose: match[2] });
      }
    });
    return plan;
  }

  function format(plan) {
    return [VERSION, String(plan.title)].concat(plan.items.map(function (item) {
      return item.id + item.dose;
    })).join(".");
  }

  function load() {
    try {
      return parse(window.sessionStorage.getItem(KEY));
    } catch (error) {
      return { title: 0, items: [] };
    }
  }

  function save(plan) {
    try {
      window.sessionStorage.setItem(KEY, format(plan));
    } catch (error) {
      // Storage can be switched off; the plan then lives only in the plan page's link.
    }
    showCount(plan);
  }

  function has(plan, id) {
    return plan.items.some(function (item) { return item.id === id; });
  }

  function showCount(plan) {
    document.querySelectorAll("[data-plan-count]").forEach(function (count) {
      count.textContent = plan.items.length ? " (" + plan.items.length + ")" : "";
    });
    document.querySelectorAll("[data-plan-add]").forEach(function (button) {
      button.textContent = has(plan, button.dataset.planAdd) ? "Remove from plan" : "Add to plan";
    });
  }

  function announce(message) {
    var status = document.querySelector("[data-plan-status]");
    if (status) {
      status.textContent = message;
    }
  }

  return { parse: parse, format: format, load: load, save: save, has: has, showCount: showCount, announce: announce };
})();

document.addEventListener("click", function (event) {
  var button = event.target.closest && event.target.closest("[data-plan-add]");
  if (!button) {
    return;
  }
  var plan = StridePlan.load();
  var id = button.dataset.planAdd;
  var name = button.dataset.planName;
  var cap = document.querySelector('meta[name="plan-most"]');
  var most = cap ? Number(cap.content) : Infinity;
  document.querySelectorAll("[data-plan-note]").forEach(function (note) {
    note.textContent = "";
  });
  // What happened is said beside the button as well as to a screen reader: on a phone the
  // plan's count in the header is often scrolled away, and a silent button looks dead.
  var note = button.parentNode.querySelector("[data-plan-note]");
  function say(words, linked, refused) {
    StridePlan.announce(words);
    if (!note) {
      return;
    }
    note.textContent = words;
    note.classList.toggle("add-to-plan__note--refused", refused);
    note.scrollIntoView({ block: "nearest" }); // a button at the foot of the screen: show the words
    var planLink = document.querySelector("[data-plan-link]");
    if (linked && planLink) {
      var open = document.createElement("a");
      open.setAttribute("href", planLink.getAttribute("href"));
      open.textContent = "Open your plan";
      note.append(" ", open);
    }
  }
  if (StridePlan.has(plan, id)) {
    plan.items = plan.items.filter(function (item) { return item.id !== id; });
    say(name + " taken out of your plan (" + plan.items.length + ").", false, false);
  } else if (plan.items.length >= most) {
    say("Your plan is full: it holds up to " + most + " exercises. Take one out on the Plan page first.", true, true);
    return;
  } else {
    plan.items.push({ id: id, dose: "a" });
    say(name + " added to your plan (" + plan.items.length + ").", true, false);
  }
  StridePlan.save(plan);
});

document.addEventListener("htmx:load", function (event) {
  event.target.querySelectorAll("[data-plan-add][hidden]").forEach(function (button) {
    button.hidden = false;
  });
  StridePlan.showCount(StridePlan.load());
});
