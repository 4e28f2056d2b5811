/** Excel's own words for a failed call: OfficeExtension.Error carries `code` ("InvalidArgument",
 * "AccessDenied", …, learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling)
 * and `message`; anything else gives its message. */
export function excelError(error: unknown): { code?: string; message: string } {
  if (error && typeof error === 'object') {
    const { code, message } = error as { code?: unknown; message?: unknown };
    return { ...(typeof code === 'string' && code !== '' && { code }), message: typeof message === 'string' ? message : String(error) };
  }
  return { message: String(error) };
}
