"use client";
import { startTransition, useActionState, useRef, type FormEvent } from "react";

/**
 * useActionState for a form that keeps what was typed: submitted from onSubmit rather than
 * <form action>, because React resets a form after its action runs, which threw away every edit
 * when one field was refused. `resetWhen` clears the form after an answer that asks for it (an
 * added member, a created clinic). Returns the action's last answer, the submit handler and pending.
 */
export function useKeptFormAction<State>(
  action: (state: Awaited<State>, data: FormData) => State | Promise<State>,
  initial: Awaited<State>,
  options: { resetWhen?: (state: Awaited<State>) => boolean } = {},
) {
  const form = useRef<HTMLFormElement | null>(null);
  const [state, dispatch, pending] = useActionState<State, FormData>(async (previous, data) => {
    const next = await action(previous, data);
    if (options.resetWhen?.(next)) form.current?.reset();
    return next;
  }, initial);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    form.current = event.currentTarget;
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  };
  return [state, onSubmit, pending] as const;
}
