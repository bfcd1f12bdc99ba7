import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { log } from './paths';

const JVM_DIR = '/usr/lib/jvm';

/** Major Java version of a JDK/JRE home, read from its `release` file (no JVM start needed). */
export function javaMajor(home: string): number | undefined {
  try {
    const release = fs.readFileSync(path.join(home, 'release'), 'utf8');
    const m = /^JAVA_VERSION="(\d+)/m.exec(release);
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

function candidates(): string[] {
  const homes: string[] = [];
  for (const env of ['KEYCLOAK_JAVA_HOME', 'JAVA_HOME']) {
    if (process.env[env]) {
      homes.push(process.env[env]!);
    }
  }
  if (fs.existsSync(JVM_DIR)) {
    for (const name of fs.readdirSync(JVM_DIR)) {
      const home = path.join(JVM_DIR, name);
      if (fs.existsSync(path.join(home, 'bin', 'java'))) {
        homes.push(fs.realpathSync(home));
      }
    }
  }
  return [...new Set(homes)];
}

/**
 * Picks a Java home whose major version is in `supported` (KEYCLOAK_JAVA_HOME first, then the newest
 * supported JDK under /usr/lib/jvm). When none is present it installs Debian's OpenJDK 17 headless
 * JRE with apt-get, because fresh machines of this project only guarantee Debian packages.
 */
export function findJavaHome(supported: number[]): string {
  const pick = () => {
    const explicit = process.env.KEYCLOAK_JAVA_HOME;
    if (explicit) {
      const major = javaMajor(explicit);
      if (major === undefined || !supported.includes(major)) {
        throw new Error(`KEYCLOAK_JAVA_HOME=${explicit} is Java ${major ?? '?'}; supported: ${supported.join(', ')}`);
      }
      return explicit;
    }
    const usable = candidates()
      .map((home) => ({ home, major: javaMajor(home) }))
      .filter((c): c is { home: string; major: number } => c.major !== undefined && supported.includes(c.major))
      .sort((a, b) => b.major - a.major);
    return usable[0]?.home;
  };
  let home = pick();
  if (!home) {
    const pkg = 'openjdk-17-jre-headless';
    log('java', `no Java ${supported.join('/')} found; installing Debian package ${pkg}`);
    execFileSync('apt-get', ['update'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', pkg], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    home = pick();
  }
  if (!home) {
    throw new Error(`no Java ${supported.join('/')} available under ${JVM_DIR}`);
  }
  return home;
}
