// Stride Anatomy: the plan page. The plan lives in the address after "#", which the browser
// never sends to a server. This script reads it, checks every part against the content the
// page embeds (#plan-data), and draws the plan. Nothing from the link is ever inserted as
// markup: the link only picks among our own exercises, doses and titles, and every text set
// here uses textContent. Ticks stay on this device (localStorage).
"use strict";

(function () {
  var root = document.getElementById("plan");
  var source = document.getElementById("plan-data");
  if (!root || !source) {
    return;
  }
  var data = JSON.parse(source.textContent);
  var TICKS = "stride-anatomy-ticks:";
  var LAST_TICKS = "stride-anatomy-ticks-last";
  var SESSIONS = 6;
  var plan = { title: data.noTitle, items: [] };
  var $ = function (name) { return root.querySelector("[data-plan-" + name + "]"); };

  function exercise(id) {
    return data.exercises[id];
  }

  function dose(id, key) {
    return exercise(id).doses.filter(function (d) { return d.key === key; })[0];
  }

  // Read a link's plan. Every problem becomes a sentence in our own words; no part of the
  // link is ever repeated back.
  function decode(code) {
    var result = { title: data.noTitle, items: [] };
    var dropped = [];
    if (!code) {
      return { plan: result, dropped: dropped };
    }
    var parts = code.split(".");
    if (parts[0] !== data.version) {
      dropped.push("the whole link: it is not written the way our plan links are, so no exercise could be read from it");
      return { plan: result, dropped: dropped };
    }
    var title = parts[1] || "";
    if (/^\d{1,2}$/.test(title) && (Number(title) === data.noTitle || data.titles[title])) {
      result.title = Number(title);
    } else {
      dropped.push("a title we do not have (the plan has no title)");
    }
    var beyond = 0;
    parts.slice(2).forEach(function (part) {
      var match = /^(\d{1,3})([a-z])$/.exec(part);
      if (!match) {
        dropped.push("a part of the link we could not read");
        return;
      }
      var id = String(Number(match[1]));
      id = data.aliases[id] || id;
      var found = exercise(id);
      if (!found) {
        dropped.push(data.retired.indexOf(id) >= 0 ? "an exercise we no longer have" : "an exercise we do not have");
        return;
      }
      if (result.items.some(function (item) { return item.id === id; })) {
        dropped.push("a second copy of " + found.name);
        return;
      }
      if (result.items.length >= data.most) {
        beyond += 1;
        return;
      }
      var key = match[2];
      if (!dose(id, key)) {
        dropped.push("a dose outside the options for " + found.name + " (it has its usual dose instead)");
        key = "a";
      }
      result.items.push({ id: id, dose: key });
    });
    if (beyond) {
      dropped.push(beyond + (beyond === 1 ? " exercise" : " exercises") + " beyond the " + data.most + " a plan can hold");
    }
    return { plan: result, dropped: dropped };
  }

  function code() {
    return StridePlan.format(plan);
  }

  function address() {
    return data.address + "#" + code();
  }

  // The edited plan replaces the address (so reload, a bookmark and the QR code all hold it)
  // and is kept in the tab for "Plan (n)".
  // An edit: the address and the kept plan follow it, and the list is drawn afresh with the
  // page where it was (a redrawn list would let the browser jump).
  function changed() {
    history.replaceState(history.state, "", "#" + code());
    StridePlan.save(plan);
    var scrolled = window.scrollY;
    render();
    window.scrollTo(window.scrollX, scrolled);
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function button(label, action, index, name) {
    var node = element("button", "plan__button", label);
    node.type = "button";
    node.dataset.action = action;
    node.dataset.index = String(index);
    node.setAttribute("aria-label", label + ": " + name);
    return node;
  }

  function ticksKey() {
    return TICKS + plan.items.map(function (item) { return item.id; }).slice().sort().join(".");
  }

  function readTicks() {
    try {
      return JSON.parse(window.localStorage.getItem(ticksKey()) || "{}") || {};
    } catch (error) {
      return {};
    }
  }

  function writeTicks(ticks) {
    try {
      window.localStorage.setItem(ticksKey(), JSON.stringify(ticks));
      window.localStorage.setItem(LAST_TICKS, ticksKey());
    } catch (error) {
      // Storage switched off: the ticks last as long as the page.
    }
  }

  // Ticks are kept for a plan's set of exercises. When a plan gains or loses an exercise, that
  // set changes: the ticks of the exercises it keeps come along from the set last ticked on
  // this device (or from ``fromKey``), unless the new set has ticks of its own.
  function carryTicks(fromKey) {
    try {
      var from = fromKey || window.localStorage.getItem(LAST_TICKS);
      if (!from || from === ticksKey() || window.localStorage.getItem(ticksKey())) {
        return;
      }
      var old = JSON.parse(window.localStorage.getItem(from) || "{}") || {};
      var now = {};
      plan.items.forEach(function (entry) {
        if (old[entry.id]) {
          now[entry.id] = old[entry.id];
        }
      });
      if (Object.keys(now).length) {
        writeTicks(now);
      }
    } catch (error) {
      // Nothing kept, or storage switched off: nothing to carry.
    }
  }

  function doseList(chosen) {
    var list = element("dl", "dose");
    [["Sets", chosen.sets], ["Reps", chosen.reps], ["How often", chosen.frequency]].forEach(function (pair) {
      var row = element("div");
      row.appendChild(element("dt", "", pair[0]));
      row.appendChild(element("dd", "", pair[1]));
      list.appendChild(row);
    });
    return list;
  }

  function item(entry, index, ticks) {
    var found = exercise(entry.id);
    var chosen = dose(entry.id, entry.dose);
    var card = dose(entry.id, "a");
    var li = element("li", "card plan__item");
    li.dataset.exercise = entry.id;
    var heading = element("h2", "card__title", found.name);
    heading.id = "plan-item-" + entry.id;
    li.appendChild(heading);
    // Reordering sits under the name, so a moved card's name and its buttons show together
    // even where the card is taller than a phone's screen; Remove stays at the foot.
    var moves = element("p", "plan__moves no-print");
    if (index > 0) {
      moves.appendChild(button("Move up", "up", index, found.name));
    }
    if (index < plan.items.length - 1) {
      moves.appendChild(button("Move down", "down", index, found.name));
    }
    if (moves.firstChild) {
      li.appendChild(moves);
    }
    li.appendChild(doseList(chosen));
    if (chosen.stage) {
      // Only a week read in the trial itself is called "as in the trial".
      li.appendChild(element("p", "plan__changed", chosen.label + " of the programme's build-up" +
        (!found.trial ? "." : chosen.verified ? ", as in the trial (" + found.trial + ")." :
          "; we could not find this step in the trial (" + found.trial + ") itself.")));
    } else if (entry.dose !== "a") {
      li.appendChild(element("p", "plan__changed", "Dose set for this plan; " +
        (found.trial ? "the trial used " : "the card gives ") + card.sets + " sets of " + card.reps + ", " +
        card.frequency + (found.trial ? " (" + found.trial + ")." : ".")));
    }
    var template = root.querySelector('template[data-plan-exercise="' + entry.id + '"]');
    li.appendChild(template.content.cloneNode(true));

    var controls = element("div", "plan__controls no-print");
    if (found.doses.length > 1) {
      // The doses as a list to tick, each read whole however narrow the screen (a closed
      // drop-down cut them off on a phone), folded away until asked for.
      var choices = element("details", "plan__doses");
      var summary = element("summary", "", "Change dose");
      summary.appendChild(element("span", "visually-hidden", " for " + found.name));
      choices.appendChild(summary);
      choices.dataset.doses = entry.id;
      var group = element("fieldset");
      group.appendChild(element("legend", "visually-hidden", "Dose for " + found.name));
      found.doses.forEach(function (option) {
        var choice = element("label", "plan__dose");
        var input = element("input");
        input.type = "radio";
        input.name = "plan-dose-" + entry.id;
        input.id = "plan-dose-" + entry.id + "-" + option.key;
        input.value = option.key;
        input.checked = option.key === entry.dose;
        input.dataset.action = "dose";
        input.dataset.index = String(index);
        choice.appendChild(input);
        choice.appendChild(element("span", "", option.label + ": " + option.sets + " × " + option.reps + ", " + option.frequency));
        group.appendChild(choice);
      });
      choices.appendChild(group);
      controls.appendChild(choices);
    }
    controls.appendChild(button("Remove", "remove", index, found.name));
    li.appendChild(controls);

    var box = element("fieldset", "plan__sessions");
    box.appendChild(element("legend", "", "Sessions done"));
    var done = ticks[entry.id] || [];
    for (var n = 0; n < SESSIONS; n += 1) {
      var tick = element("label", "plan__tick");
      var input = element("input");
      input.type = "checkbox";
      input.checked = Boolean(done[n]);
      input.dataset.tick = entry.id;
      input.dataset.session = String(n);
      input.setAttribute("aria-label", found.name + ", session " + (n + 1) + " done");
      tick.appendChild(input);
      tick.appendChild(element("span", "", String(n + 1)));
      box.appendChild(tick);
    }
    li.appendChild(box);
    return li;
  }

  // On paper a reader types the address: it may wrap only after a "/", "." or "#", never
  // inside a name or a number.
  function showAddress(holder, text) {
    holder.textContent = "";
    text.split(/(?<=[/.#])/).forEach(function (piece) {
      holder.appendChild(document.createTextNode(piece));
      holder.appendChild(document.createElement("wbr"));
    });
  }

  function drawQr() {
    var holder = $("qr");
    holder.textContent = "";
    showAddress($("address"), address());
    if (data.localOnly || !plan.items.length || typeof qrcode !== "function") {
      return;
    }
    var qr = qrcode(0, "M");
    qr.addData(address(), "Byte");
    qr.make();
    var count = qr.getModuleCount();
    var border = 4;
    var size = count + border * 2;
    var svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("viewBox", "0 0 " + size + " " + size);
    svg.setAttribute("class", "qr");
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", "QR code that opens this plan");
    svg.dataset.version = String((count - 17) / 4);
    var background = document.createElementNS(svg.namespaceURI, "rect");
    background.setAttribute("width", String(size));
    background.setAttribute("height", String(size));
    background.setAttribute("fill", "#fff");
    svg.appendChild(background);
    var path = [];
    for (var row = 0; row < count; row += 1) {
      for (var col = 0; col < count; col += 1) {
        if (qr.isDark(row, col)) {
          path.push("M" + (col + border) + " " + (row + border) + "h1v1h-1z");
        }
      }
    }
    var modules = document.createElementNS(svg.namespaceURI, "path");
    modules.setAttribute("d", path.join(""));
    modules.setAttribute("fill", "#000");
    svg.appendChild(modules);
    holder.appendChild(svg);
  }

  function render(dropped) {
    var title = plan.title === data.noTitle ? "Exercise plan" : data.titles[String(plan.title)];
    $("heading").textContent = title;
    document.title = title + " · Stride Anatomy";
    $("title").value = String(plan.title);
    var list = $("list");
    // Dose lists a reader unfolded stay unfolded when the list is drawn again.
    var unfolded = Array.prototype.map.call(list.querySelectorAll("details[data-doses][open]"), function (open) {
      return open.dataset.doses;
    });
    list.textContent = "";
    var ticks = readTicks();
    plan.items.forEach(function (entry, index) {
      list.appendChild(item(entry, index, ticks));
    });
    unfolded.forEach(function (id) {
      var choices = list.querySelector('details[data-doses="' + id + '"]');
      if (choices) {
        choices.open = true;
      }
    });
    $("empty").hidden = plan.items.length > 0;
    $("handover").hidden = plan.items.length === 0;
    var muscles = {};
    plan.items.forEach(function (entry) {
      exercise(entry.id).muscles.forEach(function (slug) { muscles[slug] = true; });
    });
    root.querySelectorAll("[data-plan-flag]").forEach(function (flag) {
      flag.hidden = !flag.dataset.planFlag.split(" ").some(function (slug) { return muscles[slug]; });
    });
    if (dropped) {
      var notes = $("dropped-list");
      notes.textContent = "";
      dropped.forEach(function (sentence) { notes.appendChild(element("li", "", sentence)); });
      $("dropped").hidden = dropped.length === 0;
    }
    drawQr();
  }

  // The plan from the link; with no link, the plan being built in this tab.
  function open() {
    var fromLink = location.hash.length > 1;
    var read = decode(fromLink ? location.hash.slice(1) : "");
    plan = fromLink ? read.plan : StridePlan.load();
    if (fromLink) {
      StridePlan.save(plan);
      if (read.dropped.length) {
        history.replaceState(history.state, "", "#" + code());
      }
    } else if (plan.items.length) {
      plan = decode(code()).plan;
      history.replaceState(history.state, "", "#" + code());
    }
    carryTicks();
    render(read.dropped);
  }

  function focusAfter(action, index) {
    var target = action === "remove" ? Math.min(index, plan.items.length - 1) : action === "up" ? index - 1 : index + 1;
    var entry = plan.items[target];
    var selector = entry ? '[data-exercise="' + entry.id + '"] ' : null;
    var again = selector && (root.querySelector(selector + '[data-action="' + action + '"]') ||
      root.querySelector(selector + "button[data-action]"));
    // The page stays where it is (the list is drawn afresh, which would let the browser jump);
    // it moves only as far as it takes to show the control that now has focus and, just above
    // it, the name of the exercise it belongs to.
    var next = again || $("heading");
    var title = again && root.querySelector(selector + ".card__title");
    next.focus({ preventScroll: true });
    if (title) {
      title.scrollIntoView({ block: "nearest" });
    }
    next.scrollIntoView({ block: "nearest" });
  }

  root.addEventListener("click", function (event) {
    var control = event.target.closest("button[data-action]");
    if (!control) {
      return;
    }
    var index = Number(control.dataset.index);
    var action = control.dataset.action;
    var ticked = ticksKey();
    var moved = plan.items.splice(index, 1)[0];
    if (action === "up") {
      plan.items.splice(index - 1, 0, moved);
    } else if (action === "down") {
      plan.items.splice(index + 1, 0, moved);
    }
    carryTicks(ticked);
    changed();
    focusAfter(action, index);
  });

  root.addEventListener("change", function (event) {
    var target = event.target;
    if (target.dataset.action === "dose") {
      plan.items[Number(target.dataset.index)].dose = target.value;
      changed();
      // The same choice keeps focus, scrolled only as far as it takes to show it.
      var again = document.getElementById(target.id);
      again.focus({ preventScroll: true });
      again.scrollIntoView({ block: "nearest" });
    } else if (target.matches("[data-plan-title]")) {
      plan.title = Number(target.value);
      changed();
    } else if (target.dataset.tick) {
      var ticks = readTicks();
      var done = ticks[target.dataset.tick] || [];
      done[Number(target.dataset.session)] = target.checked;
      ticks[target.dataset.tick] = done;
      writeTicks(ticks);
    }
  });

  $("clear-ticks").addEventListener("click", function () {
    try {
      window.localStorage.removeItem(ticksKey());
    } catch (error) {
      // Nothing was kept.
    }
    root.querySelectorAll("[data-tick]").forEach(function (box) { box.checked = false; });
    $("ticks-status").textContent = "Ticks cleared.";
  });

  $("print").addEventListener("click", function () {
    window.print();
  });

  window.addEventListener("hashchange", open);
  $("needs-script").hidden = true;
  $("app").hidden = false;
  open();
})();
