import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { roleLabels } from "./role-labels";

type Member = { membershipId: string; name: string | null; email: string | null; role: string };

/**
 * A clinic's members: name, email and role. The clinic's own settings page puts a role form in the
 * role cell and a remove button in an extra column; the platform console shows them as they are.
 */
export function MembersTable<M extends Member>(props: {
  members: readonly M[];
  rowTestId: string;
  role?: (member: M) => React.ReactNode;
  action?: { label: string; cell: (member: M) => React.ReactNode } | undefined;
}) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Name</TableHead>
          <TableHead>Email</TableHead>
          <TableHead>Role</TableHead>
          {props.action ? <TableHead><span className="sr-only">{props.action.label}</span></TableHead> : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.members.map((m) => (
          <TableRow key={m.membershipId} data-testid={props.rowTestId}>
            <TableCell className="font-medium">{m.name ?? "—"}</TableCell>
            <TableCell className="break-all text-muted-foreground">{m.email ?? "—"}</TableCell>
            <TableCell>{props.role ? props.role(m) : (roleLabels[m.role] ?? m.role)}</TableCell>
            {props.action ? <TableCell>{props.action.cell(m)}</TableCell> : null}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
