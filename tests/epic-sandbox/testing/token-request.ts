export type ClientAuth =
  | { kind: "basic"; clientId: string; secret: string }
  | { kind: "post"; clientId: string; secret: string }
  | { kind: "assertion"; assertion: string }
  | { kind: "public"; clientId: string };

export interface TokenResult {
  status: number;
  json: Record<string, unknown>;
  headers: Headers;
}

/** POSTs a form to the token endpoint with the given client authentication. */
export async function tokenRequest(tokenEndpoint: string, params: Record<string, string>, auth: ClientAuth): Promise<TokenResult> {
  const body = new URLSearchParams(params);
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded" };
  if (auth.kind === "basic") {
    // Epic's documented encoding: form-url-encode id and secret, then base64.
    const pair = `${encodeURIComponent(auth.clientId)}:${encodeURIComponent(auth.secret)}`;
    headers.authorization = `Basic ${Buffer.from(pair).toString("base64")}`;
  } else if (auth.kind === "post") {
    body.set("client_id", auth.clientId);
    body.set("client_secret", auth.secret);
  } else if (auth.kind === "assertion") {
    body.set("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
    body.set("client_assertion", auth.assertion);
  } else {
    body.set("client_id", auth.clientId);
  }
  const res = await fetch(tokenEndpoint, { method: "POST", headers, body: body.toString() });
  return { status: res.status, json: (await res.json()) as Record<string, unknown>, headers: res.headers };
}
