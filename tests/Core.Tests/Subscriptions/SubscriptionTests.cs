using Hromada.Core.Communities;
using Hromada.Core.Events;
using Hromada.Core.Polls;
using Hromada.Core.Residents;
using Hromada.Core.Subscriptions;

namespace Hromada.Core.Tests.Subscriptions;

public sealed class SubscriptionTests
{
    private static readonly Subscription Kamianske = new() { Communities = ["kamianske"], Spheres = ["ecology", "transport"] };

    [Fact]
    public void Of_ResidentWithoutSubscription_DefaultsToOnboardingsSpheresAndCommunity()
    {
        var resident = Resident("kamianske", "ecology", "it");

        var subscription = Subscription.Of(resident);

        Assert.Equal(["ecology", "it"], subscription.Spheres);
        Assert.Equal(["kamianske"], subscription.Communities);
        Assert.Equal((Delivery.AtOnce, QuietHours.Default), (subscription.Delivery, subscription.QuietHours));
        Assert.Equal(["kamianske", Community.NationalId], subscription.Places);
    }

    [Fact]
    public void Of_ResidentOfTheNationalLevel_FollowsNoCommunityBesidesIt()
    {
        var subscription = Subscription.Of(Resident(Community.NationalId, "ecology"));

        Assert.Empty(subscription.Communities);
        Assert.Equal([Community.NationalId], subscription.Places);
    }

    [Fact]
    public void Of_ResidentWithSubscription_ReturnsTheirs()
    {
        var resident = Resident("kamianske", "ecology");
        resident.Subscription = new Subscription { Communities = ["lviv"], Delivery = Delivery.DailyDigest, QuietHours = null };

        var subscription = Subscription.Of(resident);

        Assert.Same(resident.Subscription, subscription);
    }

    [Theory]
    [InlineData("kamianske", "ecology", true)]
    [InlineData("kamianske", "", true)] // no sphere: concerns everyone there
    [InlineData("kamianske", "health", false)]
    [InlineData("kamianske", "health,transport", true)]
    [InlineData("lviv", "ecology", false)]
    [InlineData("lviv", "", false)]
    [InlineData(Community.NationalId, "ecology", true)] // the national level is always followed
    [InlineData(Community.NationalId, "", true)]
    [InlineData(Community.NationalId, "health", false)]
    public void Matches_PlaceAndSpheres_ChecksBoth(string communityId, string spheres, bool expected)
    {
        var matches = Kamianske.Matches(communityId, spheres.Split(',', StringSplitOptions.RemoveEmptyEntries));

        Assert.Equal(expected, matches);
    }

    [Fact]
    public void Matches_EventAndPoll_UseTheirPlaceAndSpheres()
    {
        var civicEvent = new CivicEvent
        {
            Id = "e1", CommunityId = "kamianske", Spheres = ["transport"], Type = EventType.Consultation, Title = "Маршрути",
            StartsAt = DateTimeOffset.UnixEpoch, Place = "онлайн", CreatedBy = "m",
        };
        var poll = new Poll { Id = "p1", CommunityId = "lviv", Question = "Так?", Options = ["Так", "Ні"] };

        Assert.True(Kamianske.Matches(civicEvent));
        Assert.False(Kamianske.Matches(civicEvent with { Spheres = ["health"] }));
        Assert.False(Kamianske.Matches(poll));
        Assert.True(Kamianske.Matches(poll with { CommunityId = "kamianske" }));
    }

    [Theory]
    [InlineData("2026-11-23T21:00:00Z", "2026-11-24T06:00:00Z")] // 23:00 Kyiv: at 08:00
    [InlineData("2026-03-28T21:00:00Z", "2026-03-29T05:00:00Z")] // the night of the spring change
    [InlineData("2026-10-24T21:00:00Z", "2026-10-25T06:00:00Z")] // the night of the autumn change
    public void NotBefore_InsideQuietHours_IsTheirEnd(string now, string expected)
    {
        var notBefore = Kamianske.NotBefore(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), notBefore);
    }

    [Fact]
    public void NotBefore_OutsideQuietHoursOrWithoutThem_IsNull()
    {
        var afternoon = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
        var night = new DateTimeOffset(2026, 11, 23, 23, 0, 0, TimeSpan.Zero);

        Assert.Null(Kamianske.NotBefore(afternoon));
        Assert.Null((Kamianske with { QuietHours = null }).NotBefore(night));
    }

    private static Resident Resident(string communityId, params string[] spheres) => new()
    {
        Id = "r1",
        CommunityId = communityId,
        Spheres = [.. spheres],
    };
}
