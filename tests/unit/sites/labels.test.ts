import { describe, expect, it } from 'vitest';
import { actionOf, contactActionOf } from '@/lib/sites/labels';

describe('actionOf: what a button label says it does, in six languages', () => {
  it.each([
    ['Delete', 'decline'],
    ['Delete request', 'decline'],
    ['Ignore an invitation to connect from Ana Souza', 'decline'],
    ['Accept Ana Souza’s invitation', 'accept'],
    ['Confirm', 'accept'],
    ['Eliminar', 'decline'],
    ['Confirmar', 'accept'],
    ['Ignorer l’invitation de Camille Durand', 'decline'],
    ['Accepter l’invitation de Camille Durand', 'accept'],
    ['Einladung von Lena Vogt ignorieren', 'decline'],
    ['Einladung von Lena Vogt annehmen', 'accept'],
    ['Vernetzen', 'accept'],
    ['Excluir', 'decline'],
    ['Aceitar', 'accept'],
    ['Rifiuta', 'decline'],
    ['Accetta', 'accept'],
    ['Ajouter ami(e)', 'accept'],
    ['Message', null],
    ['', null],
    ['Deleted posts', null],
  ] as const)('%j → %s', (label, expected) => {
    expect(actionOf(label)).toBe(expected);
  });
});

describe('contactActionOf: what a profile control starts, in six languages', () => {
  it.each([
    // English
    ['Follow', 'follow'],
    ['Follow back', 'follow'],
    ['Follow Declan Achterberg', 'follow'],
    ['Add friend', 'add-friend'],
    ['Connect', 'connect'],
    ['Invite Declan Achterberg to connect', 'connect'],
    ['Message', 'message'],
    ['Message Declan', 'message'],
    ['Send message', 'message'],
    // Spanish
    ['Seguir', 'follow'],
    ['Seguir también', 'follow'],
    ['Agregar a amigos', 'add-friend'],
    ['Añadir a amigos', 'add-friend'],
    ['Conectar', 'connect'],
    ['Invita a Joaquín a conectar', 'connect'],
    ['Enviar mensaje', 'message'],
    // French
    ['Suivre', 'follow'],
    ['Suivre en retour', 'follow'],
    ['Ajouter ami(e)', 'add-friend'],
    ['Se connecter', 'connect'],
    ['Invitez Solène Garnier-Duval à rejoindre votre réseau', 'connect'],
    ['Envoyer un message à Solène', 'message'],
    // German
    ['Folgen', 'follow'],
    ['Zurückfolgen', 'follow'],
    ['Als Freund/in hinzufügen', 'add-friend'],
    ['Vernetzen', 'connect'],
    ['Jonas Keller einladen, sich mit Ihnen zu vernetzen', 'connect'],
    ['Nachricht senden', 'message'],
    // Portuguese
    ['Seguir de volta', 'follow'],
    ['Adicionar amigo', 'add-friend'],
    ['Convidar Lívia para se conectar', 'connect'],
    ['Conectar-se', 'connect'],
    ['Enviar mensagem', 'message'],
    // Italian
    ['Segui', 'follow'],
    ['Segui anche tu', 'follow'],
    ['Aggiungi agli amici', 'add-friend'],
    ['Collegati', 'connect'],
    ['Invita Marco a collegarsi', 'connect'],
    ['Invia messaggio', 'message'],
  ] as const)('%j → %s', (label, expected) => {
    expect(contactActionOf(label)).toBe(expected);
  });

  it.each([
    // What shows a relationship already there, or undoes one, although some hold a start's word
    'Following', 'Unfollow', 'Unfollow Declan Achterberg', 'Following, click to unfollow Declan', 'Cancel request',
    'Friends', 'Pending, click to withdraw invitation sent to Declan', 'Requested',
    'Siguiendo', 'Dejar de seguir', 'Cancelar solicitud', 'Amigos', 'Solicitado',
    'Abonné', 'Suivi(e)', 'Ne plus suivre', 'Se désabonner', 'Annuler la demande', 'En attente', 'Amis',
    'Gefolgt', 'Nicht mehr folgen', 'Anfrage abbrechen', 'Ausstehend', 'Freunde',
    'Seguindo', 'Deixar de seguir', 'Pendente',
    'Segui già', 'Non seguire più', 'Smetti di seguire', 'Annulla richiesta', 'Amici',
    // Sending the profile to someone else
    'Send profile in a message', 'Enviar perfil en un mensaje', 'Envoyer le profil par message',
    'Profil per Nachricht senden', 'Enviar perfil por mensagem', 'Invia profilo in un messaggio', 'Share profile',
    // Neither: the same letters in other words, and other controls
    '500+ connections', 'Connections', 'Followers', '1,2 mil seguidores', 'Messages', 'Messenger', 'Nachrichten',
    'Edit profile', 'Editar perfil', 'More', 'More actions', 'Plus', 'See options', 'Add to story', 'Add',
    'Similar accounts', 'Options', '',
  ])('%j → null', (label) => {
    expect(contactActionOf(label)).toBeNull();
  });

  it('reads words of scripts with combining marks as whole words (Thai, Hindi)', () => {
    expect(contactActionOf('', 'ติดตามกลับ')).toBe('follow');
    expect(contactActionOf('', 'ติดตาม')).toBe('follow');
    expect(contactActionOf('', 'กำลังติดตาม')).toBeNull();
    expect(contactActionOf('', 'फ़ॉलो करें')).toBe('follow');
    // "Fill in": the consonants of "follow" with other vowel marks between them.
    expect(contactActionOf('', 'फ़िल करें')).toBeNull();
  });

  it('reads the aria-label first, then the text, and lets any label that undoes win', () => {
    expect(contactActionOf('Invite Declan Achterberg to connect', 'Connect')).toBe('connect');
    expect(contactActionOf('', 'Follow')).toBe('follow');
    expect(contactActionOf('Declan Achterberg', 'Message')).toBe('message');
    expect(contactActionOf('Message Declan', 'Follow')).toBe('message');
    expect(contactActionOf('Following', 'Follow')).toBeNull();
    expect(contactActionOf('Follow', 'Following')).toBeNull();
  });
});
