using System.Collections;
using System.Reflection;
using Hotline.Ledger.Api.Hosting;
using Hotline.Ledger.Http;

namespace Hotline.Ledger.Api.Security;

/// <summary>
/// Finds text holding control characters (other than tab and line breaks) anywhere in a request body.
/// NUL in particular cannot be stored by PostgreSQL and would fail the append with a 500; the others
/// have no place in a ledger that is printed and exported. Run before every validator.
/// </summary>
public static class TextGuard
{
    private const int MaxDepth = 8;

    public static List<FieldRule> Faults(object request)
    {
        var faults = new List<FieldRule>();
        Walk(request, "", 0, faults);
        return faults;
    }

    private static void Walk(object? value, string path, int depth, List<FieldRule> faults)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                if (TextRules.HasControlCharacters(text))
                    faults.Add(FieldRule.Of(path.Length == 0 ? "body" : path, "text.control"));
                return;
            case IEnumerable items when depth < MaxDepth:
                var index = 0;
                foreach (var item in items) Walk(item, $"{path}[{index++}]", depth + 1, faults);
                return;
        }

        var type = value.GetType();
        if (depth >= MaxDepth || type.IsPrimitive || type.IsEnum || type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true) return;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            var name = RequestValidation.FieldName(property.Name);
            Walk(property.GetValue(value), path.Length == 0 ? name : $"{path}.{name}", depth + 1, faults);
        }
    }
}
