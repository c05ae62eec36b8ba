namespace Hromada.Core.Spheres;

/// <summary>The fixed list of spheres (сфери впливу); their names live in the text resources as "Sphere_{id}".</summary>
public static class Sphere
{
    public static readonly IReadOnlyList<string> All =
    [
        "ecology",
        "social",
        "health",
        "security",
        "industry",
        "business",
        "investment",
        "agriculture",
        "education",
        "culture",
        "sport",
        "youth",
        "housing",
        "condominiums",
        "energy",
        "transport",
        "it",
        "civil-society",
        "administration",
        "human-rights",
    ];

    public static bool Exists(string id) => All.Contains(id);
}
