/**
 * @module sources/terraform/hcl — Terraform configuration directories read directly: HCL parsed by @cdktf/hcl2json,
 * expressions, variables, locals, modules, count/for_each and dynamic blocks evaluated as Terraform would plan them.
 */
/** A `.tf` directory converted to the configuration keys, with the files it read. */
export { convertTerraformDirectory } from './convert-directory.js';
