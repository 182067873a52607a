import type { Locator, Page } from '@playwright/test';

export class SignInPage {
  readonly heading: Locator;
  readonly userName: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly error: Locator;
  /** Why the console signed the operator out, when the engine refused the stored credentials. */
  readonly signedOut: Locator;
  /** What the sign-in says instead of asking for a password, on an engine that checks none. */
  readonly authenticationOff: Locator;
  readonly continueWithoutSigningIn: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Sign in' });
    this.userName = page.getByLabel('User name');
    // exact: the show-password toggle's label also mentions the password.
    this.password = page.getByLabel('Password', { exact: true });
    this.submit = page.getByRole('button', { name: 'Sign in' });
    // Carbon's text inputs hold empty role="alert" live regions of their own.
    this.error = page.getByRole('alert').filter({ hasText: /\S/ });
    this.signedOut = page.getByRole('status').filter({ hasText: 'Signed out' });
    this.authenticationOff = page.getByText('This engine does not check credentials');
    this.continueWithoutSigningIn = page.getByRole('button', {
      name: 'Continue without signing in',
    });
  }

  async goto(): Promise<void> {
    await this.page.goto('/sign-in');
  }

  /** Fills in and sends the form, and returns at once (for credentials the engine refuses). */
  async submitCredentials(username: string, password: string): Promise<void> {
    await this.userName.fill(username);
    await this.password.fill(password);
    await this.submit.click();
  }

  /**
   * Signs in and waits until the console's shell shows: the credentials are stored only once the
   * engine has accepted them, and a navigation before that would find the tab signed out.
   */
  async signIn(username: string, password: string): Promise<void> {
    await this.submitCredentials(username, password);
    await this.page.getByRole('button', { name: 'Sign out' }).waitFor();
  }

  /** Continues on an engine that checks no credentials, and waits until the shell shows. */
  async continueWithoutCredentials(): Promise<void> {
    await this.continueWithoutSigningIn.click();
    await this.page.getByRole('button', { name: 'Sign out' }).waitFor();
  }
}
