/** A Terraform expression (tf:language/expressions), as parse-expression.ts reads it. */
export type Expr =
  | { kind: 'literal'; value: unknown }
  /** A string template: the parts joined; a lone interpolation (`"${x}"`) keeps its value's type. */
  | { kind: 'template'; parts: Expr[] }
  | { kind: 'variable'; name: string }
  | { kind: 'attribute'; target: Expr; name: string }
  | { kind: 'index'; target: Expr; key: Expr }
  /** `list[*].a.b`: `each` applied to every element, with `item` standing for it. */
  | { kind: 'splat'; source: Expr; each: Expr }
  | { kind: 'item' }
  | { kind: 'call'; name: string; args: Expr[]; expandLast: boolean }
  | { kind: 'tuple'; items: Expr[] }
  | { kind: 'object'; entries: Array<[Expr, Expr]> }
  | { kind: 'for'; keyVar?: string; valueVar: string; collection: Expr; key?: Expr; value: Expr; condition?: Expr; grouped: boolean }
  | { kind: 'unary'; operator: '!' | '-'; operand: Expr }
  | { kind: 'binary'; operator: string; left: Expr; right: Expr }
  | { kind: 'conditional'; condition: Expr; then: Expr; otherwise: Expr };
