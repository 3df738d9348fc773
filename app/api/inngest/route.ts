import { serve } from "inngest/next";
// The serve endpoint is Inngest's delivery surface: the one app/ file that reaches inngest/.
import { functions, inngest } from "@/inngest";
import { declarePublicHandlers } from "@/lib/http/with-public";

export const { GET, POST, PUT } = declarePublicHandlers(serve({ client: inngest, functions }), {
  permission: "public",
  reason: "Inngest signs its requests (INNGEST_SIGNING_KEY); serve() verifies them",
});
