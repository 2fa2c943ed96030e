// Stride Anatomy: a muscle's panel is swapped in place without walking the outgoing one.
//
// Why: htmx's own swaps clean up every element they remove, firing two events on each
// (htmx:beforeCleanupElement; htmx issue #879). A panel has about 400 elements, and on a
// mid-range phone that walk was a sixth of a tap. The outgoing panel holds no htmx state that
// outlives it (its links' listeners are on the links themselves; nothing in it polls or
// listens elsewhere), so its contents are simply replaced. The panel element itself stays and
// takes the new panel's attributes, so htmx's swap and settle events still reach the document,
// and htmx processes the new contents once, as after any swap. Elements that ask for it carry
// hx-ext="swap-panel" and hx-swap="panel"; every other swap is htmx's own.
"use strict";
htmx.defineExtension("swap-panel", {
  handleSwap: function (style, target, fragment) {
    var fresh = fragment.firstElementChild;
    if (style !== "panel" || !fresh || fresh.id !== target.id) {
      return false;
    }
    Array.prototype.slice.call(target.attributes).forEach(function (attribute) {
      if (!fresh.hasAttribute(attribute.name)) {
        target.removeAttribute(attribute.name);
      }
    });
    Array.prototype.slice.call(fresh.attributes).forEach(function (attribute) {
      target.setAttribute(attribute.name, attribute.value);
    });
    target.replaceChildren.apply(target, Array.prototype.slice.call(fresh.childNodes));
    return [target];
  },
});
