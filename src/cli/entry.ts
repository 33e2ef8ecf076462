// Runs the CLI from source (tests spawn it through tsx; the published bin uses dist/).
import { run } from "./main.js";

process.exitCode = await run(process.argv);
