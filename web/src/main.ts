// The explorer: a search box, a correspondent's network, the letters behind its
// links, and each letter, all read through the public GraphQL API (/graphql). The
// view lives in the URL's fragment (route.ts).

import "./style.css";
import { apiKey, setApiKey } from "./api";
import { parse, navigate, type Route } from "./route";
import { handleUnauthenticated, hook, setState, type View } from "./view";
import { homeView } from "./views/home";
import { letterView } from "./views/letter";
import { networkView } from "./views/network";
import { searchView } from "./views/search";
import { h } from "./dom";

const main = document.getElementById("main") as HTMLElement;
const searchForm = document.getElementById("search-form") as HTMLFormElement;
const searchInput = document.getElementById("search-input") as HTMLInputElement;
const keyBox = document.getElementById("key") as HTMLDetailsElement;
const keyForm = document.getElementById("key-form") as HTMLFormElement;
const keyInput = document.getElementById("key-input") as HTMLInputElement;
const keyClear = document.getElementById("key-clear") as HTMLButtonElement;
const keyState = document.getElementById("key-state") as HTMLElement;

let current: View | null = null;

function create(route: Route): View {
  switch (route.view) {
    case "home":
      return homeView(main);
    case "search":
      return searchView(main, route.text);
    case "letter":
      return letterView(main, route.id);
    case "network":
      return networkView(main, route);
    case "unknown":
      main.append(h("section", {}, h("h1", {}, "Nothing here"), h("p", {}, h("a", { href: "#/" }, "Start again"), ".")));
      setState("ready", "unknown");
      return { update: () => false, destroy: () => {} };
  }
}

function render(): void {
  const route = parse(location.hash);
  searchInput.value = route.view === "search" ? route.text : searchInput.value;
  if (current?.update(route)) return;
  current?.destroy();
  delete hook.error;
  document.title = "lettergraph explorer";
  main.replaceChildren();
  current = create(route);
  // Move focus to the new view for keyboard and screen-reader users, except on the
  // first load, where the search box keeps it.
  if (rendered) main.focus({ preventScroll: true });
  rendered = true;
}
let rendered = false;

searchForm.addEventListener("submit", (e) => {
  e.preventDefault();
  const text = searchInput.value.trim();
  if (text) navigate({ view: "search", text });
});

function showKeyState(): void {
  const set = apiKey() !== "";
  keyState.textContent = set ? "(set)" : "";
  keyClear.hidden = !set;
}

keyForm.addEventListener("submit", (e) => {
  e.preventDefault();
  setApiKey(keyInput.value.trim());
  keyInput.value = "";
  showKeyState();
  keyBox.open = false;
  // Whatever failed for want of a key is asked again.
  current?.destroy();
  current = null;
  render();
});
keyClear.addEventListener("click", () => {
  setApiKey("");
  showKeyState();
});
handleUnauthenticated(() => {
  keyBox.open = true;
  keyInput.focus();
});

// The skip link would change the fragment, which holds the view: it moves focus instead.
document.querySelector<HTMLAnchorElement>("a.skip")?.addEventListener("click", (e) => {
  e.preventDefault();
  main.focus();
});

showKeyState();
window.addEventListener("hashchange", render);
render();
