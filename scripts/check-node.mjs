// Fails install and every script fast when the `node` devDependency's Node 24 is not the one running.
const want = "24.";
if (!process.versions.node.startsWith(want)) {
  console.error(
    `check-node: expected Node ${want}x from node_modules/.bin/node, got ${process.version} (${process.execPath}).\n` +
      `The "node" devDependency's preinstall did not run. Keep "node": true in package.json allowScripts and rerun npm ci (or: npm rebuild node).`,
  );
  process.exit(1);
}
console.log(`check-node: ok, ${process.version}`);
