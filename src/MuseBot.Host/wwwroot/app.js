// The web chat: a Bot Framework client in a page. Every turn is POSTed to /api/messages with
// deliveryMode "expectReplies", and the bot's replies come back in the response body.
"use strict";

(() => {
  const bot = { id: "musebot", name: "MuseBot" };
  const randomId = () => (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random().toString(16).slice(2));
  const user = { id: sessionStorage.getItem("musebot-user") || `web-${randomId()}`, name: "You" };
  sessionStorage.setItem("musebot-user", user.id);
  const conversation = { id: `webchat-${randomId()}` };

  const log = document.getElementById("log");
  const chips = document.getElementById("chips");
  const form = document.getElementById("composer");
  const input = document.getElementById("input");
  const sendButton = document.getElementById("send");

  function activity(fields) {
    return {
      id: randomId(), channelId: "webchat", deliveryMode: "expectReplies",
      serviceUrl: `${location.origin}/`, timestamp: new Date().toISOString(), locale: navigator.language || "en-US",
      from: user, recipient: bot, conversation, ...fields,
    };
  }

  async function post(body) {
    const response = await fetch("/api/messages", {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
    });
    if (response.status === 401)
      throw new Error("This host requires Bot Framework authentication (MicrosoftAppId is set): the web chat works in local mode, where MicrosoftAppId is empty.");
    if (!response.ok) throw new Error(`The bot answered HTTP ${response.status}.`);
    const text = await response.text();
    return text ? JSON.parse(text) : {};
  }

  function scrollDown() { log.scrollTop = log.scrollHeight; }

  function bubble(role) {
    const row = document.createElement("div");
    row.className = `msg ${role}`;
    const body = document.createElement("div");
    body.className = "bubble";
    row.appendChild(body);
    log.appendChild(row);
    return body;
  }

  function showUser(text) {
    bubble("user").textContent = text;
    scrollDown();
  }

  function showError(message) {
    const body = bubble("bot error");
    body.textContent = message;
    scrollDown();
  }

  function citationsOf(reply) {
    const entity = (reply.entities || []).find((e) => e.type === "https://schema.org/Message" || e["@type"] === "Message");
    return {
      aiGenerated: !!entity && (entity.additionalType || []).includes("AIGeneratedContent"),
      citations: (entity && entity.citation) || [],
    };
  }

  function showBot(reply) {
    const { aiGenerated, citations } = citationsOf(reply);
    const body = bubble("bot");
    body.innerHTML = MuseMarkdown.render(reply.text || "", citations.length);

    if (citations.length) {
      const list = document.createElement("ol");
      list.className = "citations";
      for (const c of citations) {
        const a = c.appearance || {};
        const item = document.createElement("li");
        item.dataset.n = c.position;
        const name = document.createElement("span");
        name.className = "cite-name";
        name.textContent = `[${c.position}] ${a.name || ""}`;
        item.appendChild(name);
        if (a.keywords && a.keywords.length) {
          const kw = document.createElement("span");
          kw.className = "cite-keywords";
          kw.textContent = a.keywords.join(" · ");
          item.appendChild(kw);
        }
        const quote = document.createElement("q");
        quote.textContent = a.abstract || "";
        item.appendChild(quote);
        list.appendChild(item);
      }
      body.appendChild(list);
      body.querySelectorAll("sup.cite").forEach((sup) => {
        const c = citations.find((x) => String(x.position) === sup.dataset.n);
        if (c && c.appearance) sup.title = `${c.appearance.name}\n${c.appearance.abstract}`;
        sup.addEventListener("click", () => {
          const li = list.querySelector(`li[data-n="${sup.dataset.n}"]`);
          if (li) { li.classList.add("highlight"); setTimeout(() => li.classList.remove("highlight"), 1200); }
        });
      });
    }

    if (aiGenerated || (reply.channelData && reply.channelData.feedbackLoopEnabled)) {
      const meta = document.createElement("div");
      meta.className = "meta";
      if (aiGenerated) {
        const label = document.createElement("span");
        label.className = "ai-label";
        label.textContent = "AI generated";
        meta.appendChild(label);
      }
      if (reply.channelData && reply.channelData.feedbackLoopEnabled) meta.appendChild(feedbackButtons(reply));
      body.appendChild(meta);
    }

    const actions = (reply.suggestedActions && reply.suggestedActions.actions) || [];
    if (actions.length) showChips(actions.map((a) => a.value || a.title));
    scrollDown();
  }

  function feedbackButtons(reply) {
    const group = document.createElement("span");
    group.className = "feedback";
    for (const [reaction, label, title] of [["like", "Helpful", "This answer helped"], ["dislike", "Not helpful", "This answer did not help"]]) {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = label;
      button.title = title;
      button.addEventListener("click", async () => {
        group.querySelectorAll("button").forEach((b) => { b.disabled = true; });
        button.classList.add("chosen");
        try {
          await post(activity({ type: "invoke", name: "message/submitAction", replyToId: reply.id,
            value: { actionName: "feedback", actionValue: { reaction, feedback: "{}" } } }));
        } catch { /* feedback is best effort */ }
      });
      group.appendChild(button);
    }
    return group;
  }

  function showChips(questions) {
    chips.replaceChildren();
    for (const q of questions) {
      const chip = document.createElement("button");
      chip.type = "button";
      chip.className = "chip";
      chip.textContent = q;
      chip.addEventListener("click", () => ask(q));
      chips.appendChild(chip);
    }
  }

  function showTyping() {
    const body = bubble("bot typing");
    body.setAttribute("aria-label", "MuseBot is typing");
    body.innerHTML = "<span></span><span></span><span></span>";
    scrollDown();
    return body.parentElement;
  }

  async function exchange(outgoing) {
    const typing = showTyping();
    try {
      const result = await post(outgoing);
      typing.remove();
      for (const reply of result.activities || []) if (reply.type === "message") showBot(reply);
    } catch (e) {
      typing.remove();
      showError(`Sorry, I could not reach the bot. ${e.message}`);
    }
  }

  async function ask(text) {
    text = text.trim();
    if (!text) return;
    showUser(text);
    input.value = "";
    sendButton.disabled = true;
    try { await exchange(activity({ type: "message", text, textFormat: "plain" })); }
    finally { sendButton.disabled = false; input.focus(); }
  }

  form.addEventListener("submit", (e) => { e.preventDefault(); ask(input.value); });

  // Opening the page is the bot joining the conversation: the bot answers with its welcome and example questions.
  exchange(activity({ type: "conversationUpdate", membersAdded: [bot, user] }));
})();
