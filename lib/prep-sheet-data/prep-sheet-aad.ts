/** Binds a stored prep sheet model to its clinic and row: a ciphertext copied elsewhere does not decrypt. */
export const prepSheetAad = (organizationId: string, prepSheetId: string) => `prep_sheets.model:${organizationId}:${prepSheetId}`;
