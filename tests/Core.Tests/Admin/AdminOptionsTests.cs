using Hromada.Core.Admin;
using Hromada.Core.Conversations;

namespace Hromada.Core.Tests.Admin;

public sealed class AdminOptionsTests
{
    [Theory]
    [InlineData("telegram:123456789", ChannelKind.Telegram, "123456789")]
    [InlineData("viber:01234567890A=", ChannelKind.Viber, "01234567890A=")]
    [InlineData("dev:admin", ChannelKind.Dev, "admin")]
    [InlineData("Telegram: 42 ", ChannelKind.Telegram, "42")]
    public void Parse_ChannelAndId_ReturnsTheIdentity(string entry, ChannelKind channel, string userId) =>
        Assert.Equal(new IdentityKey(channel, userId), AdminOptions.Parse(entry));

    [Theory]
    [InlineData("")]
    [InlineData("123456789")]
    [InlineData("telegram:")]
    [InlineData(":123")]
    [InlineData("whatsapp:123")]
    [InlineData("1:123")]
    public void Parse_Malformed_ReturnsNull(string entry) =>
        Assert.Null(AdminOptions.Parse(entry));

    [Fact]
    public void IsSuperAdmin_ListedIdentity_TrueOnlyOnThatChannel()
    {
        var directory = new ConfiguredAdminDirectory(new AdminOptions { SuperAdmins = ["telegram:42", "dev:admin"] });

        Assert.True(directory.IsSuperAdmin(new IdentityKey(ChannelKind.Telegram, "42")));
        Assert.True(directory.IsSuperAdmin(new IdentityKey(ChannelKind.Dev, "admin")));
        Assert.False(directory.IsSuperAdmin(new IdentityKey(ChannelKind.Viber, "42")));
        Assert.False(directory.IsSuperAdmin(new IdentityKey(ChannelKind.Telegram, "43")));
    }
}
