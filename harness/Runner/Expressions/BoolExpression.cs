namespace EUeConformance.Runner.Expressions;

/// <summary>
/// A boolean expression over names, with <c>and</c>, <c>or</c>, <c>not</c> and parentheses, in the
/// grammar of Cucumber tag expressions (not binds tightest, then and, then or). Serves both tag
/// selection (<c>@MUST and not @kerberos</c>) and ICS applicability (<c>ipv6 and tftp-blksize</c>).
/// </summary>
public abstract record BoolExpression
{
    public abstract bool Evaluate(Func<string, bool> isTrue);
    public abstract IEnumerable<string> Names();

    public static readonly BoolExpression True = new Always();

    sealed record Always : BoolExpression
    {
        public override bool Evaluate(Func<string, bool> isTrue) => true;
        public override IEnumerable<string> Names() => [];
        public override string ToString() => "true";
    }

    public sealed record Name(string Value) : BoolExpression
    {
        public override bool Evaluate(Func<string, bool> isTrue) => isTrue(Value);
        public override IEnumerable<string> Names() => [Value];
        public override string ToString() => Value;
    }

    public sealed record Not(BoolExpression Operand) : BoolExpression
    {
        public override bool Evaluate(Func<string, bool> isTrue) => !Operand.Evaluate(isTrue);
        public override IEnumerable<string> Names() => Operand.Names();
        public override string ToString() => $"not {Operand}";
    }

    public sealed record And(BoolExpression Left, BoolExpression Right) : BoolExpression
    {
        public override bool Evaluate(Func<string, bool> isTrue) => Left.Evaluate(isTrue) && Right.Evaluate(isTrue);
        public override IEnumerable<string> Names() => Left.Names().Concat(Right.Names());
        public override string ToString() => $"({Left} and {Right})";
    }

    public sealed record Or(BoolExpression Left, BoolExpression Right) : BoolExpression
    {
        public override bool Evaluate(Func<string, bool> isTrue) => Left.Evaluate(isTrue) || Right.Evaluate(isTrue);
        public override IEnumerable<string> Names() => Left.Names().Concat(Right.Names());
        public override string ToString() => $"({Left} or {Right})";
    }

    /// <summary>Parses <paramref name="text"/>; an empty text is <see cref="True"/>.</summary>
    /// <exception cref="FormatException">with the character position and what was expected.</exception>
    public static BoolExpression Parse(string text)
    {
        var tokens = Tokenize(text);
        if (tokens.Count == 0) return True;
        int pos = 0;
        var result = ParseOr();
        if (pos < tokens.Count) throw new FormatException($"unexpected '{tokens[pos].Text}' at position {tokens[pos].At + 1} of '{text}'");
        return result;

        BoolExpression ParseOr()
        {
            var left = ParseAnd();
            while (pos < tokens.Count && tokens[pos].Text == "or") { pos++; left = new Or(left, ParseAnd()); }
            return left;
        }
        BoolExpression ParseAnd()
        {
            var left = ParseNot();
            while (pos < tokens.Count && tokens[pos].Text == "and") { pos++; left = new And(left, ParseNot()); }
            return left;
        }
        BoolExpression ParseNot()
        {
            if (pos >= tokens.Count) throw new FormatException($"'{text}' ends where a name or '(' was expected");
            var t = tokens[pos];
            if (t.Text == "not") { pos++; return new Not(ParseNot()); }
            if (t.Text == "(")
            {
                pos++;
                var inner = ParseOr();
                if (pos >= tokens.Count || tokens[pos].Text != ")") throw new FormatException($"'(' at position {t.At + 1} of '{text}' is never closed");
                pos++;
                return inner;
            }
            if (t.Text is ")" or "and" or "or") throw new FormatException($"unexpected '{t.Text}' at position {t.At + 1} of '{text}': a name, 'not' or '(' was expected");
            pos++;
            return new Name(t.Text);
        }
    }

    readonly record struct Token(string Text, int At);

    static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (c is '(' or ')') { tokens.Add(new Token(c.ToString(), i)); i++; continue; }
            int start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not '(' and not ')')
            {
                if (text[i] == '\\' && i + 1 < text.Length) i++; // Cucumber allows escaping ( ) and space in tag names
                i++;
            }
            tokens.Add(new Token(text[start..i].Replace("\\", ""), start));
        }
        return tokens;
    }
}
