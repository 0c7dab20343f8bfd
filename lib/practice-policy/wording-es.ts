/**
 * La política en español, con palabras propias de Boundary. Habla como el profesional ("yo") a
 * quien la lea, de usted como las respuestas de Boundary, y nunca dice de nadie que trabaja con
 * el profesional: dice lo que el profesional hace con todo el mundo.
 */

import { BULLET, SITE_NAMES, listOf, type PolicyFacts, type PolicyWording } from './wording';

/** "y" becomes "e" before a word that starts with the sound /i/ ("Facebook e Instagram"). */
function listEs(items: readonly string[]): string {
  const last = items[items.length - 1] ?? '';
  return listOf(items, /^h?i(?![aeou])/i.test(last) ? 'e' : 'y');
}

function scope({ choices }: PolicyFacts): string {
  const named = choices.sites.map((site) => SITE_NAMES[site]);
  if (named.length > 0 && choices.otherSites) {
    return `Abarca mis cuentas de ${named.join(', ')} y cualquier otra red social, blog o foro que use.`;
  }
  if (named.length > 0) return `Abarca mis cuentas de ${listEs(named)}.`;
  if (choices.otherSites) return 'Abarca todas las redes sociales, blogs o foros que use.';
  return 'Abarca cualquier cuenta personal que tenga en internet.';
}

function channels(facts: PolicyFacts): string {
  const lines = [
    facts.phone && `${BULLET}Teléfono: ${facts.phone}`,
    facts.portalUrl && `${BULLET}Portal seguro: ${facts.portalUrl}`,
    facts.secureEmail && `${BULLET}Correo seguro: ${facts.secureEmail}`,
  ].filter(Boolean);
  if (lines.length === 0) return 'En nuestra primera sesión acordaremos la mejor manera de estar en contacto.';
  return ['Para contactar conmigo, use por favor:', ...lines].join('\n');
}

export const SPANISH: PolicyWording = {
  title: (practiceName) => (practiceName ? `Política de redes sociales: ${practiceName}` : 'Política de redes sociales'),
  sections: {
    about: {
      heading: 'Sobre esta política',
      paragraphs: (facts) => [
        `Esta política explica cómo uso las redes sociales y otros servicios en internet, y qué puede esperar de mí en ellos mientras trabajamos juntos y cuando hayamos terminado. ${scope(facts)}`,
        'La confidencialidad significa que nunca le digo a nadie si una persona trabaja conmigo o no. Usted sigue siendo libre de contárselo a quien quiera y donde quiera; lo que sigue trata de cómo protejo su privacidad y de cómo puede protegerla usted también.',
      ],
    },
    requests: {
      heading: 'Solicitudes de amistad, seguimiento y contacto',
      paragraphs: ({ choices }) => [
        'No acepto solicitudes de amistad, de seguimiento ni de contacto de nadie con quien esté trabajando. Estar conectados en internet pondría en riesgo su confidencialidad y difuminaría la línea entre nuestro trabajo y el resto de nuestras vidas.',
        choices.formerClients === 'never'
          ? 'Esto no cambia cuando terminamos de trabajar juntos: tampoco acepto solicitudes de antiguos clientes.'
          : `Esto se mantiene durante al menos ${choices.formerYears === 1 ? 'un año' : `${choices.formerYears} años`} después de terminar nuestro trabajo. Pasado ese tiempo, valoro cada solicitud por separado.`,
        choices.requestReply === 'quiet'
          ? 'Cuando me llega una solicitud así, la rechazo sin enviar ningún mensaje. No lo tome como algo personal: hago lo mismo con todo el mundo.'
          : 'Cuando me llega una solicitud así, la rechazo y envío una breve nota para decirlo. La nota es la misma para todo el mundo y no dice nada de cómo nos conocemos.',
      ],
    },
    following: {
      heading: 'Seguir y mirar perfiles',
      paragraphs: ({ choices }) => [
        choices.publicPage
          ? 'El centro tiene una página pública que cualquiera puede seguir, leer y compartir. Hacerlo depende solo de usted y nadie lo espera. Recuerde que los «me gusta», lo que comparta y sus comentarios allí los ven otras personas, y pueden aparecer también en su propio perfil.'
          : 'El centro no tiene ninguna página pública que usted pueda seguir.',
        'No sigo a las personas con las que trabajo, no les envío solicitudes ni las sigo de vuelta. Tampoco miro sus perfiles ni sus publicaciones por curiosidad: hacerlo sin un motivo acordado puede confundir lo que forma parte de nuestro trabajo y lo que no. Si hay algo en internet que quiera que vea, tráigalo a una sesión y lo miraremos juntos.',
      ],
    },
    messages: {
      heading: 'Mensajes, y cómo contactar conmigo',
      paragraphs: (facts) => [
        'Por favor, no contacte conmigo por mensajes de redes sociales. No son seguros, y puede que tarde en verlos.',
        facts.choices.messages === 'redirect'
          ? 'Si aun así me escribe por allí, responderé una sola vez, solo para indicarle las formas de contactar conmigo que siguen, y no trataré nada más por ese medio.'
          : 'No respondo a los mensajes que me llegan por allí, así que use, por favor, una de las formas de contactar conmigo que siguen.',
        channels(facts),
        'Le pido también que no me etiquete, no me mencione ni me escriba en público. Eso puede mostrar a otras personas que nos conocemos, y lo que se escriba allí puede tener que anotarse en su historia.',
        `Si necesita ayuda urgente, no espere mi respuesta: llame al número de emergencias de su zona o contacte con ${facts.crisisLine}.`,
      ],
    },
    searches: {
      heading: 'Búsquedas sobre usted en internet',
      paragraphs: ({ choices }) =>
        choices.searches === 'never'
          ? ['No busco a las personas con las que trabajo en buscadores ni en redes sociales, en ninguna circunstancia. No forma parte de mi manera de trabajar.']
          : [
              'No busco a las personas con las que trabajo en buscadores ni en redes sociales. No forma parte de mi manera de trabajar.',
              'La única excepción es una crisis. Si tuviera motivos serios para temer por su seguridad y no pudiera localizarle por las vías habituales, podría buscar en internet para encontrarle a usted o a alguien cercano. Si eso llegara a ocurrir, anotaré lo que hice y por qué, y lo hablaremos en nuestra siguiente sesión.',
            ],
    },
    reviews: {
      heading: 'Sitios de reseñas',
      paragraphs: ({ choices }) => [
        'Los sitios de reseñas y los directorios pueden incluir al centro aunque no lo haya pedido, y muchos permiten publicar valoraciones y opiniones. No respondo a las reseñas, ni a las buenas ni a las malas: cualquier respuesta podría revelar que quien la escribió trabaja conmigo. Tampoco le pediré nunca que escriba una.',
        choices.reviewsWhileWorking === 'ask-not'
          ? 'Usted es libre de decir lo que quiera donde quiera. Aun así, mientras trabajemos juntos le pido que no valore ni reseñe nuestro trabajo en internet: puede exponer su propia privacidad y entorpecer el trabajo. Puede que yo nunca vea lo que se publica allí, así que si tiene algo que decir sobre nuestro trabajo, bueno o malo, dígamelo a mí, por favor.'
          : 'Usted es libre de escribir sobre mí o sobre el centro donde quiera. Tenga en cuenta que una publicación pública puede exponer su propia privacidad, y que puede que yo nunca la vea: si tiene algo que decir sobre nuestro trabajo, decírmelo es la forma más segura de que me llegue.',
        choices.complaintsBody
          ? `Si cree que algo ha ido mal y no puede planteármelo, puede dirigirse a ${choices.complaintsBody}.`
          : 'Si cree que algo ha ido mal y no puede planteármelo, puede dirigirse al colegio o la asociación profesional a la que pertenezco.',
      ],
    },
    endorsements: {
      heading: '«Me gusta» y recomendaciones',
      paragraphs: ({ choices }) => [
        'Nunca le pediré que dé «me gusta», siga, recomiende o avale mi trabajo o el del centro, en ningún sitio. Nuestro trabajo es para usted, no para la reputación del centro.',
        ...(choices.endorsements === 'decline'
          ? ['Si me llega de usted una recomendación o un aval, por ejemplo en LinkedIn, lo ocultaré o lo rechazaré, para que nuestra relación siga siendo privada.']
          : []),
      ],
    },
    'check-ins': {
      heading: 'Registrar su ubicación',
      paragraphs: ({ choices }) => [
        'Registrar que está en un lugar, o etiquetarlo en una foto, dice a otras personas dónde está. Hacerlo en el centro, sobre todo más de una vez, puede permitir que otros deduzcan por qué va allí.',
        choices.checkIns === 'warn'
          ? 'Téngalo en cuenta, por favor, antes de usar funciones de ubicación cerca del centro.'
          : 'Le pido que no registre su ubicación en el centro ni lo etiquete en nada de lo que publique.',
      ],
    },
    changes: {
      heading: 'Cambios en esta política',
      paragraphs: ({ choices, policyUrl }) => [
        'Las redes sociales cambian sin parar, así que esta política cambiará de vez en cuando.',
        choices.changes === 'writing'
          ? 'Cuando cambie, se lo comunicaré por escrito y le daré la nueva versión.'
          : choices.changes === 'website'
            ? `La versión más reciente está siempre en la web del centro${policyUrl ? ` (${policyUrl})` : ''}, y le avisaré cuando cambie.`
            : 'Cuando cambie, le daré la nueva versión en nuestra siguiente sesión y podremos leerla juntos.',
        'Cualquier pregunta sobre todo esto es bienvenida en cualquier sesión.',
      ],
    },
  },
  versionLine: (date) => `Versión del ${date}`,
  summary: (choices) =>
    choices.messages === 'redirect'
      ? 'Mi política de redes sociales es la misma para todo el mundo: por aquí no acepto solicitudes ni sigo de vuelta a nadie, y solo respondo a los mensajes para indicar los canales seguros del centro.'
      : 'Mi política de redes sociales es la misma para todo el mundo: por aquí no acepto solicitudes, no sigo de vuelta a nadie ni respondo a mensajes.',
};
