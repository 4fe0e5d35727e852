import { describe, expect, it } from "vitest";
import { toPathTemplate } from "../../src/client/index";

describe("path templates for the observer", () => {
  const collections = ["/api/v2/routing/interactionroutingrules", "/api/v2/webhooks"];

  it("replaces the segment after a known collection with {id} and drops the query", () => {
    expect(toPathTemplate("/api/v2/webhooks/wh-1?x=1", collections)).toBe("/api/v2/webhooks/{id}");
    expect(toPathTemplate("/api/v2/routing/interactionroutingrules?name=a", collections)).toBe("/api/v2/routing/interactionroutingrules");
  });

  it("recognises ids in unknown paths by their look", () => {
    expect(toPathTemplate("/other/3f2b8c1e-1111-4a4a-9b9b-0123456789ab/children/42")).toBe("/other/{id}/children/{id}");
    expect(toPathTemplate("/api/v2/skills")).toBe("/api/v2/skills");
  });
});
