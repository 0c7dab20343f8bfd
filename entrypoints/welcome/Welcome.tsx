import { browser } from 'wxt/browser';

/** Shown once, when Boundary is installed: what it does in three steps, and what it never does. */
export function Welcome() {
  const options = browser.runtime.getURL('/options.html');
  return (
    <main>
      <header>
        <h1>Welcome to Boundary</h1>
        <p class="muted">Keep your social-media policy without thinking about it, while you use your own accounts.</p>
      </header>
      <ol class="steps" data-testid="welcome-steps">
        <li>
          <div>
            <h2>Add your clients</h2>
            <p>
              Type them in or import a CSV on the <a href={options}>client list</a> page: a name, whether they are a
              current or former client, and their profile links if you know them. Nothing clinical.
            </p>
          </div>
        </li>
        <li>
          <div>
            <h2>Browse as usual</h2>
            <p>
              On Facebook, Instagram and LinkedIn, Boundary notices friend, follow and connection requests and
              conversations from people on your list. The toolbar icon shows how many are on the page.
            </p>
          </div>
        </li>
        <li>
          <div>
            <h2>Act in one click</h2>
            <p>
              Open Boundary to decline a request with the site’s own Delete or Ignore, or to put a reply in the open
              message box that points to your practice’s secure channels. You read it and send it yourself.
            </p>
          </div>
        </li>
      </ol>
      <section class="card" aria-labelledby="never-heading">
        <h2 id="never-heading">What Boundary never does</h2>
        <ul class="never">
          <li>It never sends your client list anywhere: it stays in this browser, on this device.</li>
          <li>It never accepts a request, follows anyone or sends a message by itself.</li>
          <li>It never marks anything in the pages you visit, so the sites cannot tell who is on your list.</li>
          <li>It never offers a reply that would tell anyone that a person is your client.</li>
        </ul>
      </section>
      <p>
        <a class="primary" href={options} data-testid="welcome-start">
          Set up your client list
        </a>
      </p>
    </main>
  );
}
