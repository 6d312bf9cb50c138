/**
 * A Terraform expression that cannot be read or evaluated. Thrown inside hcl/ only: evaluate-module.ts turns it into
 * a SourceError naming the file, the line and the block.
 */
export class ExpressionError extends Error {
  constructor(
    message: string,
    /** Set when the value is known only after apply, so the message can name `terraform show -json` of a plan. */
    readonly afterApply = false,
  ) {
    super(message);
    this.name = 'ExpressionError';
  }
}
