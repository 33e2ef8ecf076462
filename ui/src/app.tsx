import { useEffect } from "react";
import { Header } from "./components/header";
import { navigate } from "./router/navigate";
import { useLocation } from "./router/use-location";
import { DocumentView } from "./views/document-view";
import { EventsView } from "./views/events-view";
import { GraphView } from "./views/graph-view";
import { MapView } from "./views/map-view";
import { SearchView } from "./views/search-view";
import { StanceView } from "./views/stance-view";
import { StoriesView } from "./views/stories-view";
import { StoryView } from "./views/story-view";

/** The route table: a path to a view; ids are decoded from the path. */
function route(path: string) {
  const seg = path.split("/").filter(Boolean).map(decodeURIComponent);
  switch (seg[0]) {
    case "stories":
      return seg[1] ? { title: "Story", el: <StoryView id={seg[1]} /> } : { title: "Stories", el: <StoriesView /> };
    case "documents":
      return seg[1] ? { title: "Document", el: <DocumentView id={seg[1]} /> } : { title: "Search", el: <SearchView /> };
    case "events":
      return { title: "Events timeline", el: <EventsView /> };
    case "map":
      return { title: "Map", el: <MapView /> };
    case "graph":
      return { title: "Actors graph", el: <GraphView /> };
    case "stance":
      return { title: "Stance timeline", el: <StanceView /> };
    case "search":
      return { title: "Search", el: <SearchView /> };
    default:
      return null;
  }
}

/** The desk: header, then the view the URL names. */
export function App() {
  const { path } = useLocation();
  const r = route(path);
  useEffect(() => {
    if (path === "/" || path === "") navigate("/stories", { replace: true });
  }, [path]);
  useEffect(() => {
    document.title = r ? `${r.title} · sitrep` : "sitrep";
  }, [r?.title]);
  return (
    <>
      <Header />
      <main id="main" data-view={r?.title ?? "none"}>
        {r ? r.el : path === "/" ? null : <p className="state empty">No view at {path}. Pick one above.</p>}
      </main>
    </>
  );
}
