import { serve } from "inngest/next";
// The serve endpoint is Inngest's delivery surface: the one app/ file that reaches inngest/.
import { functions, inngest } from "@/inngest";

export const { GET, POST, PUT } = serve({ client: inngest, functions });
