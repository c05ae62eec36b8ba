using Hromada.Bots.Tests.Hosting;
using Hromada.Core.Dialogs.Onboarding;
using Hromada.Core.Localization;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace Hromada.Bots.Tests.Channels.Dev;

/// <summary>The dev chat page in headless Chromium against the real host on a loopback port.</summary>
public sealed class DevChatPageBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";
    private const string ChromeDriverFolder = "/usr/bin";
    private const string ChromeDriver = "chromedriver";

    [Fact]
    public async Task Page_ResidentStartsAndConsents_NextQuestionAppears()
    {
        await using var host = TestHost.StartOnLoopback();
        using var profile = new TempFolder();
        using var browser = StartChromium(profile.Path);
        var wait = new WebDriverWait(browser, TimeSpan.FromSeconds(15));
        wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException));

        browser.Navigate().GoToUrl(host.Address);
        browser.FindElement(By.Id("resident-name")).SendKeys("Оксана");
        browser.FindElement(By.Id("add-resident-button")).Click();
        browser.FindElement(By.Id("message-text")).SendKeys("/start");
        browser.FindElement(By.Id("send")).Click();
        var agree = wait.Until(page => page.FindElements(By.CssSelector($"[data-testid=bot-button][data-data='{OnboardingDialog.Agree}']")).FirstOrDefault());
        agree!.Click();

        var askName = Texts.Get(Language.Uk, "Profile_AskName");
        var question = wait.Until(page => page.FindElements(By.CssSelector("[data-testid=bot-message]")).LastOrDefault(m => m.Text.Contains(askName, StringComparison.Ordinal)));
        Assert.NotNull(question);
        Assert.Equal("Оксана", browser.FindElement(By.Id("chat-title")).Text);
        var mine = browser.FindElements(By.CssSelector("[data-testid=my-message]")).Select(m => m.Text).ToList();
        Assert.Equal(["/start", Texts.Get(Language.Uk, "Onboarding_Agree")], mine);
    }

    private static ChromeDriver StartChromium(string profileFolder)
    {
        if (!File.Exists(Chromium) || !File.Exists(Path.Combine(ChromeDriverFolder, ChromeDriver)))
        {
            Assert.Fail($"The browser test needs Debian's chromium and chromium-driver ({Chromium}, {ChromeDriverFolder}/{ChromeDriver}): " +
                "apt-get install chromium chromium-driver (.ci/run installs them).");
        }

        var service = ChromeDriverService.CreateDefaultService(ChromeDriverFolder, ChromeDriver);
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = Chromium };
        options.AddArguments(
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", $"--user-data-dir={profileFolder}");
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }
}
