package org.openkyc.questionnaires.logic;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An expression of the SurveyJS language: answers in braces ({@code {income}}), strings, numbers, booleans and
 * arrays; comparisons ({@code =}, {@code !=}, {@code >}, {@code >=}, {@code <}, {@code <=} and their word forms),
 * {@code contains}, {@code notcontains}, {@code anyof}, {@code allof}, {@code empty}, {@code notempty}; {@code and},
 * {@code or}, {@code !}/{@code not}; arithmetic ({@code + - * / %}) and parentheses. Values follow SurveyJS: text
 * compares without regard to case in equality and containment, numbers in text compare as numbers, arrays are equal
 * whatever their order, and an unanswered question is empty.
 */
public final class Expression {

    private final String text;
    private final Node root;

    private Expression(String text, Node root) {
        this.text = text;
        this.root = root;
    }

    /** Parses an expression; a malformed one is refused with the position and what was expected. */
    public static Expression parse(String text) {
        Parser parser = new Parser(text);
        Node root = parser.expression();
        parser.end();
        return new Expression(text, root);
    }

    public String text() {
        return text;
    }

    /** The answers the expression reads. */
    public Set<String> variables() {
        Set<String> names = new LinkedHashSet<>();
        root.collect(names);
        return names;
    }

    /** The value: a Boolean, a Double, a String, a List, or null. */
    public @Nullable Object evaluate(Map<String, ?> answers) {
        return root.eval(answers);
    }

    /** Whether the expression holds, as a condition. */
    public boolean test(Map<String, ?> answers) {
        return truthy(evaluate(answers));
    }

    // ---- values, with the JavaScript semantics survey-core has (undefined is null, numbers are Double)

    static boolean truthy(@Nullable Object value) {
        return !falsy(value);
    }

    /** JavaScript's falsiness: undefined, false, 0, NaN and the empty string. */
    static boolean falsy(@Nullable Object value) {
        return value == null
                || Boolean.FALSE.equals(value)
                || (value instanceof Double d && (d == 0 || d.isNaN()))
                || "".equals(value);
    }

    /** survey-core's emptiness: undefined, the empty string, an empty array, NaN. */
    static boolean empty(@Nullable Object value) {
        if (value instanceof List<?> list) {
            return list.isEmpty();
        }
        if (value instanceof Map<?, ?> map) {
            return map.values().stream().allMatch(Expression::empty);
        }
        return falsy(value) && !(value instanceof Double d && d == 0) && !Boolean.FALSE.equals(value);
    }

    /** An answer as an expression reads it: text that reads as true, false or a number becomes one. */
    static @Nullable Object answer(@Nullable Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof List<?> list) {
            return list.stream()
                    .map(v -> v instanceof Number n ? (Object) n.doubleValue() : v)
                    .toList();
        }
        if (!(value instanceof String text) || text.isEmpty()) {
            return value;
        }
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return text.equalsIgnoreCase("true");
        }
        Double number = surveyNumber(text);
        if (number == null) {
            return text;
        }
        if (text.charAt(0) == '0' && !text.startsWith("0x")) {
            boolean point = text.length() > 1 && (text.charAt(1) == '.' || text.charAt(1) == ',');
            if (!point && text.length() > 1) {
                return text;
            }
        }
        return number;
    }

    /** survey-core's reading of text as a number (its {@code Helpers.getNumber}), or null. */
    static @Nullable Double surveyNumber(String value) {
        String t = value.strip();
        if (t.isEmpty()) {
            return null;
        }
        if (t.startsWith("0x")) {
            return t.length() > 32 ? null : parseInt(t);
        }
        if (t.length() > 15 && t.chars().allMatch(Character::isDigit)) {
            return null;
        }
        if (t.lastIndexOf('-') <= 0 && t.lastIndexOf('+') <= 0 && t.chars().anyMatch(c -> "*^/%".indexOf(c) >= 0)) {
            return null;
        }
        double parsed = parseFloat(t);
        double whole = toNumber(t);
        return Double.isNaN(parsed) || Double.isNaN(whole) || Double.isInfinite(whole) ? null : parsed;
    }

    /** JavaScript's Number(value). */
    static double toNumber(@Nullable Object value) {
        if (value == null) {
            return Double.NaN;
        }
        if (value instanceof Double d) {
            return d;
        }
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value instanceof List<?> list) {
            return toNumber(string(list));
        }
        String t = String.valueOf(value).strip();
        if (t.isEmpty()) {
            return 0;
        }
        if (t.matches("0[xX][0-9a-fA-F]+")) {
            return (double) Long.parseLong(t.substring(2), 16);
        }
        if (t.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
            return Double.parseDouble(t);
        }
        if (t.matches("[-+]?Infinity")) {
            return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return Double.NaN;
    }

    /** JavaScript's parseFloat(String(value)). */
    static double parseFloat(@Nullable Object value) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")
                .matcher(string(value).stripLeading());
        return m.find() ? Double.parseDouble(m.group()) : Double.NaN;
    }

    /** JavaScript's parseInt(String(value)). */
    static double parseInt(@Nullable Object value) {
        String t = string(value).stripLeading();
        if (t.matches("(?i)0x[0-9a-f]+.*")) {
            java.util.regex.Matcher m =
                    java.util.regex.Pattern.compile("(?i)^0x([0-9a-f]+)").matcher(t);
            return m.find() ? (double) Long.parseLong(m.group(1), 16) : Double.NaN;
        }
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("^[-+]?\\d+").matcher(t);
        return m.find() ? Double.parseDouble(m.group()) : Double.NaN;
    }

    /** JavaScript's String(value). */
    static String string(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            if (d.isNaN()) {
                return "NaN";
            }
            if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e21) {
                return String.valueOf(d.longValue());
            }
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        if (value instanceof List<?> list) {
            return String.join(",", list.stream().map(Expression::string).toList());
        }
        return String.valueOf(value);
    }

    /** survey-core's equality ({@code Helpers.checkIfValuesEqual}: order of arrays ignored, text trimmed, any case). */
    static boolean equal(@Nullable Object x, @Nullable Object y) {
        if (java.util.Objects.equals(x, y) && !(x instanceof List<?>)) {
            return true;
        }
        if ((x instanceof List<?> l && l.isEmpty() && y == null)
                || (y instanceof List<?> m && m.isEmpty() && x == null)) {
            return true;
        }
        if ((x == null && "".equals(y)) || (y == null && "".equals(x))) {
            return true;
        }
        if (x instanceof String a && y instanceof String b) {
            return a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
        }
        if (convertible(x) && convertible(y)) {
            double ix = parseInt(x);
            double iy = parseInt(y);
            if (ix == iy && parseFloat(x) == parseFloat(y)) {
                return true;
            }
        }
        if (empty(x) != empty(y)) {
            return false;
        }
        if (x instanceof Boolean b && y instanceof String t) {
            return b.toString().equals(t.toLowerCase(Locale.ROOT));
        }
        if (y instanceof Boolean b && x instanceof String t) {
            return b.toString().equals(t.toLowerCase(Locale.ROOT));
        }
        boolean xList = x instanceof List<?>;
        boolean yList = y instanceof List<?>;
        if (!xList && !yList) {
            return looseEquals(x, y);
        }
        if (!xList || !yList) {
            return false;
        }
        List<?> a = (List<?>) x;
        List<?> b = (List<?>) y;
        if (a.size() != b.size()) {
            return false;
        }
        List<Object> rest = new ArrayList<>(b);
        for (Object item : a) {
            int at = -1;
            for (int i = 0; i < rest.size(); i++) {
                if (equal(item, rest.get(i))) {
                    at = i;
                    break;
                }
            }
            if (at < 0) {
                return false;
            }
            rest.remove(at);
        }
        return true;
    }

    private static boolean convertible(@Nullable Object value) {
        return value != null && !(value instanceof List<?>) && !Double.isNaN(toNumber(value));
    }

    /** JavaScript's {@code ==} between values that are not objects. */
    private static boolean looseEquals(@Nullable Object a, @Nullable Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.getClass() == b.getClass()) {
            return a instanceof Double x ? x.doubleValue() == ((Double) b).doubleValue() : a.equals(b);
        }
        return toNumber(a) == toNumber(b);
    }

    /** JavaScript's {@code a > b} (sign 1) or {@code a < b} (sign -1), false when either is undefined. */
    static boolean ordered(@Nullable Object a, @Nullable Object b, int sign) {
        if (a == null || b == null) {
            return false;
        }
        Object x = a instanceof List<?> ? string(a) : a;
        Object y = b instanceof List<?> ? string(b) : b;
        if (x instanceof String s && y instanceof String t) {
            int c = s.compareTo(t);
            return sign > 0 ? c > 0 : c < 0;
        }
        double p = toNumber(x);
        double q = toNumber(y);
        return sign > 0 ? p > q : p < q;
    }

    /** survey-core's {@code containsCore}. */
    static boolean containsCore(@Nullable Object left, @Nullable Object right, boolean contains) {
        if (left instanceof List<?> list && list.isEmpty()) {
            return !contains;
        }
        if (falsy(left) && !(left instanceof Double d && d == 0) && !Boolean.FALSE.equals(left)) {
            return false;
        }
        Object l = left instanceof List<?> || (left instanceof String s && !s.isEmpty()) ? left : string(left);
        if (l instanceof String text) {
            if (falsy(right)) {
                return false;
            }
            boolean found = text.toLowerCase(Locale.ROOT).contains(string(right).toLowerCase(Locale.ROOT));
            return contains == found;
        }
        List<?> items = (List<?>) l;
        List<?> wanted = right instanceof List<?> r ? r : java.util.Collections.singletonList(right);
        for (Object w : wanted) {
            if (items.stream().noneMatch(item -> equal(item, w))) {
                return !contains;
            }
        }
        return contains;
    }

    static boolean contains(@Nullable Object left, @Nullable Object right) {
        return containsCore(left, right, true);
    }

    static boolean notContains(@Nullable Object left, @Nullable Object right) {
        if (falsy(left) && !empty(right)) {
            return true;
        }
        return containsCore(left, right, false);
    }

    static boolean anyOf(@Nullable Object left, @Nullable Object right) {
        if (empty(left) && empty(right)) {
            return true;
        }
        if (empty(left)) {
            return false;
        }
        if (empty(right)) {
            return true;
        }
        if (!(left instanceof List<?>)) {
            return contains(right, left);
        }
        if (!(right instanceof List<?> choices)) {
            return contains(left, right);
        }
        return choices.stream().anyMatch(c -> contains(left, c));
    }

    static boolean allOf(@Nullable Object left, @Nullable Object right) {
        if (falsy(left) && !empty(right)) {
            return false;
        }
        if (!(right instanceof List<?> choices)) {
            return contains(left, right);
        }
        return choices.stream().allMatch(c -> contains(left, c));
    }

    /** survey-core's arithmetic: an empty side counts as 0 (or "" beside text), {@code +} joins text. */
    static @Nullable Object arithmetic(char op, @Nullable Object a, @Nullable Object b) {
        Object x = forArithmetic(a, b);
        Object y = forArithmetic(b, x);
        boolean numbers = !Double.isNaN(surveyNumberOf(x)) && !Double.isNaN(surveyNumberOf(y));
        return switch (op) {
            case '+' -> {
                if (!numbers || x instanceof String || y instanceof String) {
                    if (x instanceof List<?> || y instanceof List<?>) {
                        yield string(x) + string(y);
                    }
                    if (numbers) {
                        yield string(x) + string(y);
                    }
                    yield x instanceof String || y instanceof String
                            ? string(x) + string(y)
                            : toNumber(x) + toNumber(y);
                }
                yield toNumber(x) + toNumber(y);
            }
            case '-' -> toNumber(x) - toNumber(y);
            case '*' -> toNumber(x) * toNumber(y);
            case '/' -> falsy(y) ? null : toNumber(x) / toNumber(y);
            case '%' -> falsy(y) ? null : toNumber(x) % toNumber(y);
            default -> throw new IllegalStateException(String.valueOf(op));
        };
    }

    private static double surveyNumberOf(@Nullable Object value) {
        if (value instanceof Double d) {
            return d;
        }
        if (value instanceof String s) {
            Double n = surveyNumber(s);
            return n == null ? Double.NaN : n;
        }
        return Double.NaN;
    }

    private static @Nullable Object forArithmetic(@Nullable Object value, @Nullable Object other) {
        if (!empty(value)) {
            return value;
        }
        if (other instanceof Double) {
            return 0.0;
        }
        if (value instanceof String) {
            return value;
        }
        if (other instanceof String) {
            return "";
        }
        if (other instanceof List<?>) {
            return List.of();
        }
        return 0.0;
    }

    // ---- tree

    private sealed interface Node {
        @Nullable
        Object eval(Map<String, ?> answers);

        default void collect(Set<String> names) {}
    }

    private record Literal(@Nullable Object value) implements Node {
        public @Nullable Object eval(Map<String, ?> answers) {
            return value;
        }
    }

    private record Variable(String name) implements Node {
        public @Nullable Object eval(Map<String, ?> answers) {
            return answer(answers.get(name));
        }

        @Override
        public void collect(Set<String> names) {
            names.add(name);
        }
    }

    private record Array(List<Node> items) implements Node {
        public Object eval(Map<String, ?> answers) {
            List<Object> values = new ArrayList<>();
            for (Node item : items) {
                values.add(item.eval(answers));
            }
            return values;
        }

        @Override
        public void collect(Set<String> names) {
            items.forEach(i -> i.collect(names));
        }
    }

    private record Unary(String op, Node operand) implements Node {
        public @Nullable Object eval(Map<String, ?> answers) {
            Object value = operand.eval(answers);
            return switch (op) {
                case "not" -> falsy(value);
                case "empty" -> empty(value);
                case "notempty" -> !empty(value);
                case "minus" -> -toNumber(value);
                default -> throw new IllegalStateException(op);
            };
        }

        @Override
        public void collect(Set<String> names) {
            operand.collect(names);
        }
    }

    private record Binary(String op, Node left, Node right) implements Node {
        public @Nullable Object eval(Map<String, ?> answers) {
            if (op.equals("and")) {
                Object a = left.eval(answers);
                return falsy(a) ? a : right.eval(answers);
            }
            if (op.equals("or")) {
                Object a = left.eval(answers);
                return truthy(a) ? a : right.eval(answers);
            }
            Object a = left.eval(answers);
            Object b = right.eval(answers);
            return switch (op) {
                case "equal" -> equal(a, b);
                case "notequal" -> !equal(a, b);
                case "greater" -> ordered(a, b, 1);
                case "greaterorequal" -> equal(a, b) || ordered(a, b, 1);
                case "less" -> ordered(a, b, -1);
                case "lessorequal" -> equal(a, b) || ordered(a, b, -1);
                case "contains" -> contains(a, b);
                case "notcontains" -> notContains(a, b);
                case "anyof" -> anyOf(a, b);
                case "allof" -> allOf(a, b);
                case "+", "-", "*", "/", "%" -> arithmetic(op.charAt(0), a, b);
                default -> throw new IllegalStateException(op);
            };
        }

        @Override
        public void collect(Set<String> names) {
            left.collect(names);
            right.collect(names);
        }
    }

    // ---- parser

    private static final class Parser {

        private final String text;
        private int at;

        Parser(String text) {
            this.text = text;
        }

        Node expression() {
            Node left = and();
            while (word("or") || symbol("||")) {
                left = new Binary("or", left, and());
            }
            return left;
        }

        private Node and() {
            Node left = comparison();
            while (word("and") || symbol("&&")) {
                left = new Binary("and", left, comparison());
            }
            return left;
        }

        private Node comparison() {
            Node left = additive();
            while (true) {
                String op = comparator();
                if (op == null) {
                    return left;
                }
                if (op.equals("empty") || op.equals("notempty")) {
                    left = new Unary(op, left);
                } else {
                    left = new Binary(op, left, additive());
                }
            }
        }

        private @Nullable String comparator() {
            skip();
            for (String[] form : new String[][] {
                {"==", "equal"}, {"!=", "notequal"}, {"<>", "notequal"}, {">=", "greaterorequal"},
                {"<=", "lessorequal"}, {"=", "equal"}, {">", "greater"}, {"<", "less"}
            }) {
                if (symbol(form[0])) {
                    return form[1];
                }
            }
            for (String name : new String[] {
                "notempty",
                "empty",
                "notequal",
                "equal",
                "greaterorequal",
                "lessorequal",
                "greater",
                "less",
                "notcontains",
                "contains",
                "anyof",
                "allof"
            }) {
                if (word(name)) {
                    return name;
                }
            }
            return null;
        }

        private Node additive() {
            Node left = multiplicative();
            while (true) {
                skip();
                if (peek('+') || (peek('-') && !peekAt(1, '-'))) {
                    String op = String.valueOf(text.charAt(at++));
                    left = new Binary(op, left, multiplicative());
                } else {
                    return left;
                }
            }
        }

        private Node multiplicative() {
            Node left = unary();
            while (true) {
                skip();
                if (peek('*') || peek('/') || peek('%')) {
                    String op = String.valueOf(text.charAt(at++));
                    left = new Binary(op, left, unary());
                } else {
                    return left;
                }
            }
        }

        private Node unary() {
            skip();
            if (symbol("!") || word("not")) {
                return new Unary("not", unary());
            }
            if (peek('-')) {
                at++;
                return new Unary("minus", unary());
            }
            return primary();
        }

        private Node primary() {
            skip();
            if (at >= text.length()) {
                throw error("a value");
            }
            char c = text.charAt(at);
            if (c == '(') {
                at++;
                Node inner = expression();
                expect(')');
                return inner;
            }
            if (c == '{') {
                int close = text.indexOf('}', at);
                if (close < 0) {
                    throw error("a closing }");
                }
                String name = text.substring(at + 1, close).strip();
                if (name.isEmpty()) {
                    throw error("a question name");
                }
                at = close + 1;
                return new Variable(name);
            }
            if (c == '[') {
                at++;
                List<Node> items = new ArrayList<>();
                skip();
                if (!peek(']')) {
                    do {
                        items.add(expression());
                        skip();
                    } while (symbol(","));
                }
                expect(']');
                return new Array(items);
            }
            if (c == '\'' || c == '"') {
                int close = text.indexOf(c, at + 1);
                if (close < 0) {
                    throw error("a closing " + c);
                }
                String value = text.substring(at + 1, close);
                at = close + 1;
                return new Literal(value);
            }
            if (Character.isDigit(c) || c == '.') {
                int start = at;
                while (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '.')) {
                    at++;
                }
                try {
                    return new Literal(Double.valueOf(text.substring(start, at)));
                } catch (NumberFormatException e) {
                    at = start;
                    throw error("a number");
                }
            }
            if (word("true")) {
                return new Literal(Boolean.TRUE);
            }
            if (word("false")) {
                return new Literal(Boolean.FALSE);
            }
            if (word("null") || word("undefined")) {
                return new Literal(null);
            }
            throw error("a value");
        }

        void end() {
            skip();
            if (at < text.length()) {
                throw error("the end");
            }
        }

        private void expect(char c) {
            skip();
            if (!peek(c)) {
                throw error("'" + c + "'");
            }
            at++;
        }

        private boolean symbol(String s) {
            skip();
            if (text.startsWith(s, at)) {
                at += s.length();
                return true;
            }
            return false;
        }

        private boolean word(String w) {
            skip();
            if (text.regionMatches(true, at, w, 0, w.length())) {
                int after = at + w.length();
                if (after == text.length() || !Character.isLetterOrDigit(text.charAt(after))) {
                    at = after;
                    return true;
                }
            }
            return false;
        }

        private boolean peek(char c) {
            return at < text.length() && text.charAt(at) == c;
        }

        private boolean peekAt(int offset, char c) {
            return at + offset < text.length() && text.charAt(at + offset) == c;
        }

        private void skip() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private ExpressionException error(String expected) {
            return new ExpressionException(
                    "Expected " + expected + " at position " + (at + 1) + " of \"" + text + "\"");
        }
    }
}
