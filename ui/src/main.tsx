import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { takeTokenFromFragment } from "./api/api-token";
import { App } from "./app";
import "./styles/app.css";

takeTokenFromFragment();
createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
