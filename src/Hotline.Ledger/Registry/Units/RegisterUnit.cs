namespace Hotline.Ledger.Registry.Units;

public sealed record RegisterUnit(string Code, string Name);

public sealed class RegisterUnitValidator : AbstractValidator<RegisterUnit>
{
    public RegisterUnitValidator()
    {
        RuleFor(x => x.Code).NotEmpty().MaximumLength(32)
            .Matches("^[A-Za-z0-9][A-Za-z0-9._-]*$").WithErrorCode("unit.code.format");
        RuleFor(x => x.Name).NotEmpty().MaximumLength(200);
    }
}
