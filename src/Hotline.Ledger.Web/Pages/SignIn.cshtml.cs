using Hotline.Ledger.Security;
using Hotline.Ledger.Web.SignIn;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Hosting;

namespace Hotline.Ledger.Web.Pages;

/// <summary>Development only: pick a user, roles and a liaison's unit, as the token command does.</summary>
public sealed class SignInModel(IWebHostEnvironment environment) : PageModel
{
    public static readonly IReadOnlyList<(string Role, string Name)> Choices =
        Roles.All.Where(r => r != Roles.Feed).Select(r => (r, RoleNames.Of(r))).ToList();

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty(SupportsGet = true)] public bool Expired { get; set; }
    public string UserInput { get; private set; } = "";
    public IReadOnlyList<string> RolesInput { get; private set; } = [Roles.Office];
    public string UnitInput { get; private set; } = "";
    public Dictionary<string, string> Errors { get; } = [];

    public IActionResult OnGet() => environment.IsDevelopment() ? Page() : NotFound();

    public async Task<IActionResult> OnPost(string? user, string[]? roles, string? unit)
    {
        if (!environment.IsDevelopment()) return NotFound();
        UserInput = user?.Trim() ?? "";
        RolesInput = (roles ?? []).Where(r => Roles.All.Contains(r)).Distinct().ToList();
        UnitInput = unit?.Trim() ?? "";
        if (UserInput.Length == 0) Errors["user"] = "请填写用户名。";
        if (RolesInput.Count == 0) Errors["roles"] = "请至少选择一个角色。";
        if (RolesInput.Contains(Roles.Liaison) && UnitInput.Length == 0) Errors["unit"] = "联络员须填写所属单位代码。";
        if (Errors.Count > 0)
        {
            Response.StatusCode = 400;
            return Page();
        }

        await WebAuth.SignIn(HttpContext, WebAuth.Principal(UserInput, RolesInput, UnitInput.Length > 0 ? UnitInput : null, "development"));
        return LocalRedirect(SignInEndpoints.LocalOrRoot(ReturnUrl));
    }
}
