import type { IncomingMessage, ServerResponse } from "node:http";
import type Provider from "oidc-provider";
import { readForm, sendHtml } from "../http/http-utils";
import type { SandboxState } from "../sandbox-state";
import { findPatientUser, findSandboxUser, patientUserById, userByPractitionerId } from "../sandbox-users";
import { consentPage, errorPage, loginPage } from "./interaction-pages";

type Details = Awaited<ReturnType<Provider["interactionDetails"]>>;

const route = /^\/oauth2\/interaction\/([^/]+)(?:\/(login|consent))?$/;

export function isInteractionPath(pathname: string): boolean {
  return route.test(pathname);
}

async function finishConsent(req: IncomingMessage, res: ServerResponse, provider: Provider, details: Details) {
  const accountId = details.session?.accountId;
  const clientId = String(details.params.client_id);
  if (!accountId) throw new Error("consent without a signed-in user");
  const grant = details.grantId
    ? ((await provider.Grant.find(details.grantId)) ?? new provider.Grant({ accountId, clientId }))
    : new provider.Grant({ accountId, clientId });
  // Epic grants what the client is registered for; the sandbox grants every scope it knows of the
  // request, except that a MyChart patient gets patient-level access only (no user/ or system/).
  const requested = String(details.params.scope ?? "").split(" ");
  const refused = patientUserById(accountId) ? requested.filter((s) => /^(user|system)\//.test(s)) : [];
  grant.addOIDCScope(requested.filter((s) => !refused.includes(s)).join(" "));
  // Rejected, not just left out: otherwise the consent prompt asks for them again.
  if (refused.length) grant.rejectOIDCScope(refused.join(" "));
  const missingClaims = (details.prompt.details.missingOIDCClaims ?? []) as string[];
  if (missingClaims.length) grant.addOIDCClaims(missingClaims);
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

/**
 * The login and consent steps. An EHR launch whose launch token names a practitioner skips both, as a
 * launch from inside Hyperspace does (the user is already signed in there).
 */
export async function handleInteraction(
  req: IncomingMessage,
  res: ServerResponse,
  provider: Provider,
  state: SandboxState,
  pathname: string,
): Promise<void> {
  const [, , step] = route.exec(pathname) ?? [];
  let details: Details;
  try {
    details = await provider.interactionDetails(req, res);
  } catch {
    return sendHtml(res, 400, errorPage("This sign-in session has expired or was not found. Start again from the app."));
  }
  const { uid, prompt, params } = details;
  const clientId = String(params.client_id);
  const launch = typeof params.launch === "string" ? state.findLaunch(params.launch) : undefined;

  if (req.method === "POST" && step === "login") {
    const form = await readForm(req);
    const username = form.get("username") ?? "";
    const password = form.get("password") ?? "";
    const accountId = findSandboxUser(username, password)?.practitionerId ?? findPatientUser(username, password)?.patientId;
    if (!accountId) return sendHtml(res, 200, loginPage({ uid, clientId, error: "Invalid user ID or password." }));
    return provider.interactionFinished(req, res, { login: { accountId } }, { mergeWithLastSubmission: false });
  }
  if (req.method === "POST" && step === "consent") {
    const form = await readForm(req);
    if (form.get("action") !== "allow") {
      return provider.interactionFinished(req, res, { error: "access_denied", error_description: "The user denied access." });
    }
    return finishConsent(req, res, provider, details);
  }

  if (prompt.name === "login") {
    if (launch?.practitioner && userByPractitionerId(launch.practitioner)) {
      return provider.interactionFinished(req, res, { login: { accountId: launch.practitioner } }, { mergeWithLastSubmission: false });
    }
    return sendHtml(res, 200, loginPage({ uid, clientId }));
  }
  if (prompt.name === "consent") {
    if (launch) return finishConsent(req, res, provider, details);
    const accountId = details.session?.accountId ?? "";
    const username = userByPractitionerId(accountId)?.username ?? patientUserById(accountId)?.username ?? "unknown";
    const scopes = String(params.scope ?? "").split(" ").filter(Boolean);
    return sendHtml(res, 200, consentPage({ uid, clientId, user: username, scopes }));
  }
  return sendHtml(res, 400, errorPage(`Unsupported step ${prompt.name}.`));
}
