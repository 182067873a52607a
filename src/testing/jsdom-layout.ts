/** What Carbon's components and the router need from a browser and jsdom lacks (no layout). */

// Carbon's ComboBox scrolls its highlighted option into view, and so does the console its outcomes.
Element.prototype.scrollIntoView = function scrollIntoView() {
  // Nothing to scroll without layout.
};

// Nor observers of sizes: Carbon's modal places its scroll shadow, its TextArea measures itself.
if (!('ResizeObserver' in globalThis)) {
  globalThis.ResizeObserver = class {
    observe() {
      // No layout, no sizes.
    }
    unobserve() {
      // See observe.
    }
    disconnect() {
      // See observe.
    }
  };
}

// jsdom logs "not implemented" for it: the router restores the scroll position on navigation.
window.scrollTo = function scrollTo() {
  // Nothing to scroll without layout.
};
