using System.Resources;

[assembly: NeutralResourcesLanguage("uk")]
