import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

/** A titled card of a page: its title, an optional line or two about it, then its content. */
export function SectionCard(props: { title: React.ReactNode; description?: React.ReactNode; className?: string; children: React.ReactNode }) {
  return (
    <Card className={props.className}>
      <CardHeader>
        <CardTitle>{props.title}</CardTitle>
        {props.description ? <CardDescription>{props.description}</CardDescription> : null}
      </CardHeader>
      <CardContent>{props.children}</CardContent>
    </Card>
  );
}
