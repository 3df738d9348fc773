import type { Adapter, AdapterPayload } from "oidc-provider";

interface Stored {
  payload: AdapterPayload;
  expiresAt: number;
}

/**
 * Per-sandbox storage for oidc-provider. Its built-in memory adapter is shared by every provider in the
 * process (tests start several sandboxes) and prints a production warning on each start.
 */
export function memoryAdapterFactory(): (name: string) => Adapter {
  const store = new Map<string, Stored>();
  const grants = new Map<string, Set<string>>();
  const live = (key: string): AdapterPayload | undefined => {
    const hit = store.get(key);
    if (!hit) return undefined;
    if (hit.expiresAt < Date.now()) {
      store.delete(key);
      return undefined;
    }
    return hit.payload;
  };

  return (name: string): Adapter => {
    const key = (id: string) => `${name}:${id}`;
    return {
      async upsert(id, payload, expiresIn) {
        store.set(key(id), { payload, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : Number.POSITIVE_INFINITY });
        if (payload.grantId) {
          const ids = grants.get(payload.grantId) ?? new Set<string>();
          ids.add(key(id));
          grants.set(payload.grantId, ids);
        }
        if (payload.uid) store.set(`${name}:uid:${payload.uid}`, { payload: { id } as AdapterPayload, expiresAt: store.get(key(id))!.expiresAt });
        if (payload.userCode) store.set(`${name}:userCode:${payload.userCode}`, { payload: { id } as AdapterPayload, expiresAt: store.get(key(id))!.expiresAt });
      },
      async find(id) {
        return live(key(id));
      },
      async findByUid(uid) {
        const ref = live(`${name}:uid:${uid}`);
        return ref?.id ? live(key(String(ref.id))) : undefined;
      },
      async findByUserCode(userCode) {
        const ref = live(`${name}:userCode:${userCode}`);
        return ref?.id ? live(key(String(ref.id))) : undefined;
      },
      async consume(id) {
        const hit = live(key(id));
        if (hit) hit.consumed = Math.floor(Date.now() / 1000);
      },
      async destroy(id) {
        store.delete(key(id));
      },
      async revokeByGrantId(grantId) {
        for (const k of grants.get(grantId) ?? []) store.delete(k);
        grants.delete(grantId);
      },
    };
  };
}
