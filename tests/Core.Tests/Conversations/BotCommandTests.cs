using Hromada.Core.Conversations;

namespace Hromada.Core.Tests.Conversations;

public sealed class BotCommandTests
{
    [Theory]
    [InlineData("/start", "/start", "")]
    [InlineData("/START", "/start", "")]
    [InlineData("/start@HromadaBot", "/start", "")]
    [InlineData("/start ref-kamianske", "/start", "ref-kamianske")]
    [InlineData("/newpoll Чи потрібен сквер?\nТак\nНі", "/newpoll", "Чи потрібен сквер?\nТак\nНі")]
    public void Parse_CommandText_NameAndArgument(string text, string name, string argument) =>
        Assert.Equal(new BotCommand(name, argument), BotCommand.Parse(text));

    [Theory]
    [InlineData("привіт")]
    [InlineData("/")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("/@bot")]
    public void Parse_NotACommand_Null(string? text) =>
        Assert.Null(BotCommand.Parse(text));
}
