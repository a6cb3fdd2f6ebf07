/** Why an expression could not be expanded: it refers to itself, or nothing defines it. */
export type InterpolationIssue =
  | { kind: 'cycle'; expression: string; cycle: readonly string[] }
  | { kind: 'unknown'; expression: string };

/** Looks an expression (the text between `${` and `}`) up; the value found may itself hold expressions. */
export type ValueLookup = (expression: string) => string | undefined;

interface Expansion {
  value: string | undefined;
  issues: InterpolationIssue[];
}

const expressionPattern = /\$\{([^${}]+)\}/g;

/**
 * Expands `${...}` expressions recursively, as plexus-interpolation's StringSearchInterpolator does for
 * Maven's model: an expression nothing defines is left as written; an expression whose value refers back to
 * itself is a cycle ("Detected the following recursive expression cycle") and is left as written too.
 * Each expression is expanded once and remembered (with the issues met on the way, which are reported again
 * at every use), so a large model stays linear in its size.
 */
export class Interpolator {
  private readonly expansions = new Map<string, Expansion>();
  private readonly inProgress: string[] = [];

  constructor(private readonly lookup: ValueLookup) {}

  /** Expands every expression in `text`; `onIssue` hears of each one left as written, and why. */
  interpolate(text: string, onIssue: (issue: InterpolationIssue) => void = () => undefined): string {
    if (!text.includes('${')) return text;
    return text.replace(expressionPattern, (whole, expression: string) => {
      const expansion = this.expand(expression);
      expansion.issues.forEach(onIssue);
      return expansion.value ?? whole;
    });
  }

  /** The expanded value of one expression (undefined when unknown or cyclic), without reporting issues. */
  valueOf(expression: string): string | undefined {
    return this.expand(expression).value;
  }

  private expand(expression: string): Expansion {
    const known = this.expansions.get(expression);
    if (known) return known;
    const cycleStart = this.inProgress.indexOf(expression);
    if (cycleStart >= 0) {
      // Not remembered: the expression's own expansion, further up the stack, is still running.
      return { value: undefined, issues: [{ kind: 'cycle', expression, cycle: [...this.inProgress.slice(cycleStart), expression] }] };
    }
    const raw = this.lookup(expression);
    let expansion: Expansion;
    if (raw === undefined) {
      expansion = { value: undefined, issues: [{ kind: 'unknown', expression }] };
    } else {
      const issues: InterpolationIssue[] = [];
      this.inProgress.push(expression);
      const value = this.interpolate(raw, (issue) => issues.push(issue));
      this.inProgress.pop();
      const cyclic = issues.some((issue) => issue.kind === 'cycle' && issue.cycle[0] === expression);
      expansion = { value: cyclic ? undefined : value, issues };
    }
    this.expansions.set(expression, expansion);
    return expansion;
  }
}
