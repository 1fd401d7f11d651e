using Hotline.Ledger.Rulebooks;
using Hotline.Ledger.Scoring;

namespace Hotline.Ledger.WhatIf;

/// <summary>How many counted entries a subject has under one clause at one recorded value.</summary>
public sealed record ClauseSum(Guid SubjectId, string Clause, decimal Points, int Count);
