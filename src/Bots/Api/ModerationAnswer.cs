using Hromada.Core.Moderation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hromada.Bots.Api;

/// <summary>
/// How the API answers what a Core moderation service (<see cref="IdeaDecisions"/>, <see cref="ReportDecisions"/>,
/// <see cref="PollModeration"/>) says, the same for ideas, reports and proposals: the thing (200), not
/// found (404), refused (403; Core audited the attempt), not allowed or so already (409, saying why),
/// a text Core would not take (400, naming the field).
/// </summary>
internal static class ModerationAnswer
{
    /// <summary>The answer to reading one thing: there and reachable, not there, or of another community.</summary>
    /// <param name="what">The kind of thing, for the 404's wording ("idea", "report").</param>
    public static async Task<Results<Ok<TResponse>, ProblemHttpResult, ForbidHttpResult>> FoundAsync<T, TResponse>(
        Moderated<T> found, string what, string id, Func<T, Task<TResponse>> respond)
        where T : class =>
        found switch
        {
            { Outcome: ModerationOutcome.Done, Subject: { } subject } => TypedResults.Ok(await respond(subject)),
            { Outcome: ModerationOutcome.Refused } => TypedResults.Forbid(),
            _ => ApiProblems.NotFound(what, id),
        };

    /// <summary>The answer to a step: the thing after it, or why it did not happen.</summary>
    /// <param name="whyNot">The 409's detail, from the thing as it stands.</param>
    /// <param name="textField">The request field that carried the step's text (a reason, a reply).</param>
    public static async Task<Results<Ok<TResponse>, ProblemHttpResult, ForbidHttpResult, ValidationProblem>> DoneAsync<T, TResponse>(
        Moderated<T> result, string what, string id, Func<T, Task<TResponse>> respond, Func<T, string> whyNot, string textField)
        where T : class =>
        result switch
        {
            { Outcome: ModerationOutcome.Done, Subject: { } subject } => TypedResults.Ok(await respond(subject)),
            { Outcome: ModerationOutcome.Refused } => TypedResults.Forbid(),
            { Outcome: ModerationOutcome.NotAllowed or ModerationOutcome.Unchanged, Subject: { } current } => ApiProblems.Conflict(whyNot(current)),
            { Outcome: ModerationOutcome.Invalid } => ApiProblems.Validation(textField, $"The {textField} is missing or too long."),
            _ => ApiProblems.NotFound(what, id),
        };
}
