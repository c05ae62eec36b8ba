namespace Hromada.Core.Communities;

/// <summary>The communities every installation starts with; moderators add more.</summary>
public static class CommunitySeed
{
    public static readonly IReadOnlyList<Community> All =
    [
        new(Community.NationalId, "Україна (національний рівень)", "Ukraine (national level)", null, null, null, IsNational: true),
        new("kamianske", "Кам'янське", "Kamianske", "Дніпропетровська", "Dnipropetrovsk", null),
        new("bakhmut", "Бахмут", "Bakhmut", "Донецька", "Donetsk", null),
        new("siversk", "Сіверськ", "Siversk", "Донецька", "Donetsk", null),
        new("soledar", "Соледар", "Soledar", "Донецька", "Donetsk", null),
        new("illinivka", "Іллінівка", "Illinivka", "Донецька", "Donetsk", null),
        new("kyiv", "Київ", "Kyiv", "м. Київ", "Kyiv City", null),
        new("dnipro", "Дніпро", "Dnipro", "Дніпропетровська", "Dnipropetrovsk", null),
        new("lviv", "Львів", "Lviv", "Львівська", "Lviv", null),
        new("kharkiv", "Харків", "Kharkiv", "Харківська", "Kharkiv", null),
        new("odesa", "Одеса", "Odesa", "Одеська", "Odesa", null),
    ];
}
