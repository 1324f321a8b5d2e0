/**
 * First module of the harness bundle: installs Obsidian's DOM helpers (createDiv,
 * setText, addClass, empty, isShown…) on the page's prototypes with obsidian-test-mocks'
 * own setup, before any Kindred module is evaluated.
 */
import { setup } from 'obsidian-test-mocks/setup';

setup();
