/** What Carbon's components need from a browser and jsdom lacks; import it before rendering them. */

// jsdom has no layout: Carbon's ComboBox scrolls its highlighted option into view.
Element.prototype.scrollIntoView = function scrollIntoView() {
  // Nothing to scroll without layout.
};

// Nor observers of sizes, which Carbon's modal uses to place its scroll shadow.
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
