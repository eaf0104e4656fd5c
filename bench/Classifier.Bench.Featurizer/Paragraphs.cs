namespace Classifier.Bench.Featurizer;

/// <summary>News paragraphs of typical length (about 300 characters), fixed so that runs compare.</summary>
public static class Paragraphs
{
    public static readonly string[] All =
    [
        "Serbia is trying to make the recent tensions in northern Kosovo an issue at the UN Security Council. Ignoring EU and U.S. demands to resolve the disputes through an EU-led dialogue, Serbia began coordinating with Russia and China to advance the plan for a Security Council meeting on Kosovo.",
        "As a result, Serbia’s President Aleksandar Vučić has held meetings with the Russian and Chinese ambassadors to Serbia, claiming that Serbs in Kosovo are being mistreated and that the international community has failed to protect them from what he called a campaign of fear.",
        "“I informed Ambassador Chen Bo in detail about the danger of Serbs in Kosovo and about the delicate security situation that affects the whole region,” Vučić wrote on Instagram after the meeting, adding that Belgrade would not accept any solution imposed from outside.",
        "Kosovo’s Prime Minister Albin Kurti said on Monday that the police operation in the north was lawful and necessary, and that Pristina would continue to enforce the rule of law in every municipality, regardless of pressure from Belgrade or from its allies in Moscow.",
        "The European Union’s foreign policy chief called on both sides to show restraint and to return to the dialogue in Brussels, warning that further escalation would jeopardise the path of both Serbia and Kosovo towards membership of the bloc and the visa liberalisation.",
        "Police said three officers were injured when gunmen opened fire near the village of Banjska before dawn; the attackers then barricaded themselves in a monastery, and an exchange of fire lasted several hours until special units of the Kosovo police secured the area.",
        "Ministers from Germany, France and Italy met their counterparts in Skopje to discuss the regional energy crisis, the rising prices of electricity and the future of the Berlin Process, which was launched in 2014 to bring the six Western Balkan countries closer to the EU.",
        "Protesters gathered in front of the government building in Belgrade for the third weekend in a row, carrying banners that read “Kosovo je Srbija” and demanding that the authorities reject the Franco-German proposal, which they described as a de facto recognition.",
    ];
}
