using Hotline.Ledger.Http;
using Marten;
using Microsoft.AspNetCore.Authorization;

namespace Hotline.Ledger.Api.Security;

/// <summary>Why the access matrix refused, worded in the request's language, with the rule's code for the 403 problem.</summary>
public sealed class CodedFailureReason(IAuthorizationHandler handler, Refusal refusal) : AuthorizationFailureReason(handler, refusal.Text)
{
    public Refusal Refusal { get; } = refusal;
}
