using Hotline.Ledger.Security;
using Marten;
using Microsoft.AspNetCore.Authorization;

namespace Hotline.Ledger.Api.Security;

/// <summary>The one authorisation policy of the API: the caller's roles against the route's row of <see cref="AccessMatrix"/>.</summary>
public sealed class AccessMatrixRequirement : IAuthorizationRequirement
{
    public const string Policy = "access-matrix";
    public static readonly AccessMatrixRequirement Instance = new();
}
